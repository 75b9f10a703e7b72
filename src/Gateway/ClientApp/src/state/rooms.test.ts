import { describe, expect, it } from "vitest";
import type { Message, Room } from "../api/types";
import { sortRooms, totalUnread, withMembership, withMessage, withRead } from "./rooms";

const room = (id: string, extra: Partial<Room> = {}): Room => ({
  id, kind: "room", name: id, topic: "", visibility: "public", createdBy: "m_a", createdAt: "2026-11-01T00:00:00Z",
  memberCount: 2, lastSeq: 0, readSeq: 0, unreadCount: 0, lastMessage: null, myRole: "member", ...extra,
});
const message = (seq: number, senderId: string, sentAt = "2026-11-28T10:00:00Z"): Message => ({
  roomId: "r", seq, senderId, clientMsgId: `c${seq}`, text: "hi", stampId: null, replyToSeq: null, mentions: [],
  sentAt, editedAt: null, deleted: false, reactions: [],
});

describe("the room list", () => {
  it("puts the broadcast channel first, then unread rooms, then the most recent", () => {
    const sorted = sortRooms([
      room("quiet", { lastMessage: message(1, "m_a", "2026-11-28T12:00:00Z") }),
      room("unread", { unreadCount: 2, lastMessage: message(2, "m_a", "2026-11-20T00:00:00Z") }),
      room("broadcast", { kind: "broadcast" }),
      room("older", { lastMessage: message(1, "m_a", "2026-11-02T00:00:00Z") }),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(["broadcast", "unread", "quiet", "older"]);
  });

  it("counts another member's message as unread and the reader's own as read", () => {
    let r = withMessage(room("r"), message(1, "m_other"), "m_me");
    expect(r.unreadCount).toBe(1);
    r = withMessage(r, message(2, "m_me"), "m_me");
    expect(r).toMatchObject({ lastSeq: 2, readSeq: 2, unreadCount: 0 });
  });

  it("clears the badge when the reader reads, and never moves the read position back", () => {
    let r = room("r", { lastSeq: 5, readSeq: 1, unreadCount: 4 });
    r = withRead(r, 5);
    expect(r.unreadCount).toBe(0);
    expect(withRead(r, 3)).toBe(r);
  });

  it("ignores a message it already counted", () => {
    const r = withMessage(room("r"), message(1, "m_other"), "m_me");
    expect(withMessage(r, message(1, "m_other"), "m_me")).toBe(r);
  });

  it("adds up the unread counts", () => {
    expect(totalUnread([room("a", { unreadCount: 2 }), room("b", { unreadCount: 3 })])).toBe(5);
  });
});

describe("a room's member list", () => {
  it("gains a member who joins, once, and loses one who leaves", () => {
    expect(withMembership(["m_a", "m_b"], "m_c", true)).toEqual(["m_a", "m_b", "m_c"]);
    expect(withMembership(["m_a", "m_b"], "m_b", true)).toEqual(["m_a", "m_b"]);
    expect(withMembership(["m_a", "m_b"], "m_a", false)).toEqual(["m_b"]);
  });

  it("stays unknown when it was never loaded", () => {
    expect(withMembership(undefined, "m_c", true)).toBeUndefined();
  });
});
