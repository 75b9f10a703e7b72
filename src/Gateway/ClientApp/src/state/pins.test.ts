import { describe, expect, it } from "vitest";
import type { Message, PinnedMessage } from "../api/types";
import { mayPin, withoutPin, withPinned } from "./pins";

const message = (seq: number): Message => ({
  roomId: "r_1", seq, senderId: "m_1", clientMsgId: `c${seq}`, text: `text ${seq}`, stampId: null, replyToSeq: null,
  mentions: [], sentAt: "2026-11-28T10:00:00Z", editedAt: null, deleted: false, reactions: [],
});
const pin = (seq: number): PinnedMessage => ({ message: message(seq), pinnedBy: "m_2", pinnedAt: "2026-11-28T11:00:00Z" });

describe("pins", () => {
  it("puts a new pin first and keeps one entry for a message pinned twice", () => {
    const pins = withPinned([pin(1)], pin(3));
    expect(pins.map((p) => p.message.seq)).toEqual([3, 1]);
    expect(withPinned(pins, pin(1)).map((p) => p.message.seq)).toEqual([3, 1]);
  });

  it("takes an unpinned message off the list and ignores one not pinned", () => {
    expect(withoutPin([pin(3), pin(1)], 3).map((p) => p.message.seq)).toEqual([1]);
    expect(withoutPin([pin(1)], 9).map((p) => p.message.seq)).toEqual([1]);
  });

  it("lets owners, moderators and the secretariat pin in rooms, and both members in a DM", () => {
    expect(mayPin("room", "owner", false)).toBe(true);
    expect(mayPin("meetup", "moderator", false)).toBe(true);
    expect(mayPin("room", "member", false)).toBe(false);
    expect(mayPin("room", null, true)).toBe(true);
    expect(mayPin("dm", "member", false)).toBe(true);
    expect(mayPin("dm", null, true)).toBe(false);
  });
});
