import { describe, expect, it } from "vitest";
import { dayLabel, dayKey } from "./dates";
import { en } from "./en";
import { chooseLang, errorText, listLabel, translate } from "./i18n";
import { ja } from "./ja";

describe("language and time", () => {
  it("chooses Japanese first, English when the browser prefers it, and keeps a saved choice", () => {
    expect(chooseLang(null, ["ja-JP", "en-US"])).toBe("ja");
    expect(chooseLang(null, ["en-GB", "ja"])).toBe("en");
    expect(chooseLang(null, ["de-DE"])).toBe("ja");
    expect(chooseLang("en", ["ja-JP"])).toBe("en");
  });

  it("has every Japanese string in English too", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it("lists names in the reader's language", () => {
    expect(listLabel(["佐藤 太郎", "山田 花子"], "ja")).toBe("佐藤 太郎、山田 花子");
    expect(listLabel(["Taro Sato", "Hanako Yamada", "Ken Ito"], "en")).toBe("Taro Sato, Hanako Yamada and Ken Ito");
  });

  it("fills in parameters", () => {
    expect(translate("ja", "room.typingOne", { name: "山田" })).toBe("山田さんが入力中…");
    expect(translate("en", "room.typingOne", { name: "Yamada" })).toBe("Yamada is typing…");
  });

  it("says what happened instead of a raw code", () => {
    expect(errorText("ja", "rate_limited")).toContain("少し待って");
    expect(errorText("en", "something_new")).toBe(en["error.generic"]);
  });

  it("writes day separators the way each language does, in the viewer's time zone", () => {
    expect(dayLabel("2026-11-28T03:00:00Z", "ja", "Asia/Tokyo")).toBe("2026年11月28日(土)");
    expect(dayLabel("2026-11-28T03:00:00Z", "en", "Asia/Tokyo")).toBe("Sat, 28 Nov 2026");
    expect(dayKey("2026-11-28T20:00:00Z", "Asia/Tokyo")).toBe("2026-11-29");
  });
});
