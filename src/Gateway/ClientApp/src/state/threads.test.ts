import { describe, expect, it } from "vitest";
import type { Message } from "../api/types";
import { threadReplies } from "./threads";

const message = (seq: number, replyToSeq: number | null, text = `text ${seq}`): Message => ({
  roomId: "r_1", seq, senderId: "m_1", clientMsgId: `c${seq}`, text, stampId: null, replyToSeq,
  mentions: [], sentAt: "2026-11-28T10:00:00Z", editedAt: null, deleted: false, reactions: [],
});

describe("thread replies", () => {
  it("merges fetched pages and held messages by seq, oldest first, only the thread's replies", () => {
    const replies = threadReplies(1, [message(4, 1), message(2, 1)], [message(3, null), message(6, 1), message(5, 2)]);
    expect(replies.map((m) => m.seq)).toEqual([2, 4, 6]);
  });

  it("takes the held copy of a reply fetched too: an edit or deletion heard live wins", () => {
    const replies = threadReplies(1, [message(2, 1, "before")], [message(2, 1, "after")]);
    expect(replies.map((m) => m.text)).toEqual(["after"]);
  });
});
