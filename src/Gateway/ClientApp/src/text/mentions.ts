import type { Member } from "../api/types";

/** The @word being typed at the caret, if any: where it starts and what has been typed after the @. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,32})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/** Room members whose handle or name (kana or kanji, spaces ignored) contains what was typed. */
export function completeMention(members: readonly Member[], query: string, limit = 6): Member[] {
  const q = normalize(query);
  return members
    .filter((m) => q === "" || normalize(m.handle).includes(q) || normalize(m.displayName).includes(q))
    .sort((a, b) => rank(a, q) - rank(b, q) || a.handle.localeCompare(b.handle))
    .slice(0, limit);
}

/** Replaces the @word at the caret with the member's handle and a space; returns the text and the new caret. */
export function insertMention(text: string, start: number, caret: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

function rank(m: Member, q: string): number {
  return normalize(m.handle).startsWith(q) || normalize(m.displayName).startsWith(q) ? 0 : 1;
}

/** Case, width and katakana/hiragana differences do not matter; neither do spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/gu, "")
    .replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
