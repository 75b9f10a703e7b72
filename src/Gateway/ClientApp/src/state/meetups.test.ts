import { describe, expect, it } from "vitest";
import type { Meetup } from "../api/types";
import { withHeard } from "./meetups";

const meetup = (id: string, startsAt: string, roomId = "r_1", rsvps: Meetup["rsvps"] = []): Meetup =>
  ({ id, roomId, title: id, startsAt, durationMinutes: 60, location: "渋谷", rsvps });
const now = Date.parse("2030-01-01T00:00:00Z");

describe("withHeard", () => {
  it("replaces a listed meetup with the version the hub sent since", () => {
    const listed = meetup("a", "2030-02-01T03:00:00Z");
    const answered = meetup("a", "2030-02-01T03:00:00Z", "r_1", [{ memberId: "m_b", response: "going" }]);
    expect(withHeard([listed], { a: answered }, "r_1", now)).toEqual([answered]);
  });

  it("adds an upcoming meetup planned in this room meanwhile, in start order", () => {
    const later = meetup("later", "2030-03-01T03:00:00Z");
    const sooner = meetup("sooner", "2030-02-01T03:00:00Z");
    expect(withHeard([later], { sooner }, "r_1", now).map((m) => m.id)).toEqual(["sooner", "later"]);
  });

  it("leaves out meetups of other rooms and past ones that were not listed", () => {
    const elsewhere = meetup("x", "2030-02-01T03:00:00Z", "r_2");
    const past = meetup("p", "2029-12-01T03:00:00Z");
    expect(withHeard([], { x: elsewhere, p: past }, "r_1", now)).toEqual([]);
  });
});
