import { describe, expect, it } from "vitest";
import { planBody, repeatRule, weekOfMonthOf, weekdayOf } from "./meetupRepeat";

describe("repeat rules named from the first date", () => {
  it("reads the weekday of the date as written", () => {
    expect(weekdayOf("2030-02-08T12:00")).toBe("friday");
    expect(weekdayOf("2030-02-10T23:30")).toBe("sunday");
  });

  it("names the Nth weekday of the month, a fifth one as the last", () => {
    expect(weekOfMonthOf("2030-02-08T12:00")).toBe(2);
    expect(weekOfMonthOf("2030-02-01T12:00")).toBe(1);
    expect(weekOfMonthOf("2030-03-29T12:00")).toBe(-1);
  });

  it("makes every 2nd Friday of the month from the 8th of February 2030", () => {
    expect(repeatRule("monthly", "2030-02-08T12:00")).toEqual({ frequency: "monthly", interval: 1, weekOfMonth: 2, weekdays: ["friday"] });
    expect(repeatRule("weekly", "2030-02-08T12:00")).toEqual({ frequency: "weekly", interval: 1, weekdays: ["friday"] });
    expect(repeatRule("none", "2030-02-08T12:00")).toBeNull();
  });

  it("plans a series by its wall-clock time in the chosen zone, a single meetup by its instant", () => {
    const fields = { title: "ランチ", local: "2030-02-08T12:00", durationMinutes: 60, location: "大手町", timeZone: "Europe/London" };
    expect(planBody({ ...fields, repeat: "monthly" })).toEqual({
      title: "ランチ", localStart: "2030-02-08T12:00", timeZone: "Europe/London", durationMinutes: 60, location: "大手町",
      repeat: { frequency: "monthly", interval: 1, weekOfMonth: 2, weekdays: ["friday"] },
    });
    expect(planBody({ ...fields, repeat: "none" })).toEqual({
      title: "ランチ", startsAt: new Date("2030-02-08T12:00").toISOString(), durationMinutes: 60, location: "大手町",
    });
  });
});
