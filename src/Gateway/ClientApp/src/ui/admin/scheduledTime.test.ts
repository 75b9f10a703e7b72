import { describe, expect, it } from "vitest";
import { fromLocalInput, localInputValue } from "./scheduledTime";

describe("a scheduled broadcast's time", () => {
  it("goes from the browser's local date and time to an instant and back", () => {
    const at = new Date(2026, 11, 20, 19, 5);
    expect(localInputValue(at)).toBe("2026-12-20T19:05");
    expect(fromLocalInput("2026-12-20T19:05")).toBe(at.toISOString());
  });

  it("is null when the input is empty or not a date and time", () => {
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("来週の月曜")).toBeNull();
    expect(fromLocalInput("2026-13-45T99:99")).toBeNull();
  });
});
