import { describe, expect, it } from "vitest";
import { hitPath, longEnough } from "./types";

describe("message search", () => {
  it("asks for two characters at least, kana and kanji counting one each", () => {
    expect(longEnough("渋")).toBe(false);
    expect(longEnough(" 渋谷 ")).toBe(true);
    expect(longEnough("a")).toBe(false);
    expect(longEnough("ab")).toBe(true);
  });

  it("opens a hit in its room at its message", () => {
    expect(hitPath({ roomId: "r_1 2", seq: 42 })).toBe("/rooms/r_1%202?seq=42");
  });
});
