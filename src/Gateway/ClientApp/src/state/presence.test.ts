import { describe, expect, it } from "vitest";
import { PresenceWatch, sameMembers } from "./presence";

describe("the presence watch", () => {
  it("asks for every member on screen once, without the reader", () => {
    const watch = new PresenceWatch();
    watch.add(["m_a", "m_b", "m_me"]);
    watch.add(["m_b", "m_c"]);
    expect(watch.wanted("m_me").sort()).toEqual(["m_a", "m_b", "m_c"]);
  });

  it("stops asking for a list taken back", () => {
    const watch = new PresenceWatch();
    const directory = watch.add(["m_a", "m_b"]);
    watch.add(["m_c"]);
    directory();
    expect(watch.wanted(null)).toEqual(["m_c"]);
  });

  it("keeps the newest lists when together they are more than the hub takes", () => {
    const watch = new PresenceWatch();
    watch.add(["m_old1", "m_old2", "m_old3"]);
    watch.add(["m_new1", "m_new2"]);
    expect(watch.wanted(null, 3)).toEqual(["m_new1", "m_new2", "m_old1"]);
  });

  it("caps a single list at the hub's limit", () => {
    const watch = new PresenceWatch();
    watch.add(Array.from({ length: 500 }, (_, i) => `m_${i}`));
    expect(watch.wanted(null)).toHaveLength(200);
  });

  it("tells an unchanged list from a changed one, whatever the order", () => {
    expect(sameMembers(["m_a", "m_b"], ["m_b", "m_a"])).toBe(true);
    expect(sameMembers(["m_a", "m_b"], ["m_a", "m_c"])).toBe(false);
    expect(sameMembers(["m_a"], ["m_a", "m_b"])).toBe(false);
  });
});
