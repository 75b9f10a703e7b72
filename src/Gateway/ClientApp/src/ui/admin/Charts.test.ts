import { describe, expect, it } from "vitest";
import { monthLabels } from "./Charts";

function daysFrom(start: string, count: number) {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({ day: new Date(first + i * 86_400_000).toISOString().slice(0, 10) }));
}

describe("the daily chart's month labels", () => {
  it("mark the first day of every month when a month is wide enough", () => {
    const days = daysFrom("2026-01-15", 120);
    const labelled = [...monthLabels(days, 720 / days.length)].map((i) => days[i].day);
    expect(labelled).toEqual(["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"]);
  });

  it("leave out a label that would overlap the one before it", () => {
    const days = daysFrom("2025-01-01", 365 * 3);
    const column = 720 / days.length;
    const labelled = [...monthLabels(days, column)].sort((a, b) => a - b);
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.length).toBeLessThan(36);
    for (let k = 1; k < labelled.length; k++) expect((labelled[k] - labelled[k - 1]) * column).toBeGreaterThanOrEqual(44);
  });
});
