import { describe, expect, it } from "vitest";
import type { Member } from "../api/types";
import { completeMention, insertMention, mentionAt } from "./mentions";

const member = (handle: string, displayName: string) => ({ id: `m_${handle}`, handle, displayName }) as Member;
const members = [member("hanako", "山田 花子"), member("taro", "佐藤 太郎"), member("yuki", "ゆき タナカ")];

describe("mention completion", () => {
  it("finds the word being typed after @", () => {
    expect(mentionAt("こんにちは @ta", 9)).toEqual({ start: 6, query: "ta" });
    expect(mentionAt("mail@example", 12)).toBeNull();
  });

  it("matches handles and names in kanji, with or without spaces", () => {
    expect(completeMention(members, "ta").map((m) => m.handle)).toEqual(["taro"]);
    expect(completeMention(members, "山田花").map((m) => m.handle)).toEqual(["hanako"]);
  });

  it("matches katakana names typed in hiragana", () => {
    expect(completeMention(members, "たなか").map((m) => m.handle)).toEqual(["yuki"]);
  });

  it("inserts the handle in place of what was typed", () => {
    expect(insertMention("よろしく @ta です", 5, 8, "taro")).toEqual({ text: "よろしく @taro  です", caret: 11 });
  });
});
