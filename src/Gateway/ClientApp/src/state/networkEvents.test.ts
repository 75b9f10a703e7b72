import { describe, expect, it } from "vitest";
import { hasStarted, placesLeft, tagsFrom } from "./networkEvents";

describe("network events", () => {
  it("counts the places left, none below zero, and no limit as null", () => {
    expect(placesLeft({ capacity: 30, going: 12 })).toBe(18);
    expect(placesLeft({ capacity: 2, going: 2 })).toBe(0);
    expect(placesLeft({ capacity: null, going: 40 })).toBeNull();
  });

  it("says an event has started once its start is past", () => {
    expect(hasStarted({ startsAt: "2030-01-01T10:00:00Z" }, Date.parse("2030-01-01T09:59:59Z"))).toBe(false);
    expect(hasStarted({ startsAt: "2030-01-01T10:00:00Z" }, Date.parse("2030-01-01T10:00:00Z"))).toBe(true);
  });

  it("reads tags separated by commas, Japanese commas or spaces", () => {
    expect(tagsFrom("関西, 営業、 kansai  tokyo")).toEqual(["関西", "営業", "kansai", "tokyo"]);
    expect(tagsFrom("  ")).toEqual([]);
  });
});
