import { describe, expect, it } from "vitest";
import type { Opportunity } from "../api/types";
import { replaced, whereLine } from "./opportunities";

describe("opportunities", () => {
  it("says where the work is, remote or not", () => {
    expect(whereLine({ location: "東京", remote: true }, "リモート可")).toBe("東京 · リモート可");
    expect(whereLine({ location: "", remote: true }, "Remote OK")).toBe("Remote OK");
    expect(whereLine({ location: "大阪", remote: false }, "Remote OK")).toBe("大阪");
  });

  it("replaces the changed one and keeps the others", () => {
    const a = { id: "op_a", title: "A" } as Opportunity;
    const b = { id: "op_b", title: "B" } as Opportunity;
    expect(replaced([a, b], { ...b, title: "B2" }).map((o) => o.title)).toEqual(["A", "B2"]);
  });
});
