import { describe, expect, it } from "vitest";
import type { Poll } from "../api/types";
import { pollAt, share, withPoll } from "./polls";

const poll = (over: Partial<Poll> = {}): Poll => ({
  id: "pl_1", roomId: "r_1", seq: 4, createdBy: "m_1", question: "Lunch?", options: [{ text: "A", count: 0 }, { text: "B", count: 0 }],
  multiple: false, anonymous: true, closesAt: null, closed: false, closedAt: null, voterCount: 0, ...over,
});

describe("polls", () => {
  it("keeps my own choices when a room-wide event brings new counts", () => {
    const held = withPoll({}, poll({ myChoices: [1] }));
    const next = withPoll(held, poll({ voterCount: 2, options: [{ text: "A", count: 1 }, { text: "B", count: 1 }] }));
    expect(next.pl_1.myChoices).toEqual([1]);
    expect(next.pl_1.voterCount).toBe(2);
  });

  it("finds the poll at a room's seq", () => {
    const polls = withPoll({}, poll());
    expect(pollAt(polls, "r_1", 4)?.id).toBe("pl_1");
    expect(pollAt(polls, "r_1", 5)).toBeUndefined();
    expect(pollAt(polls, "r_2", 4)).toBeUndefined();
  });

  it("shares are whole percentages of the voters", () => {
    expect(share(1, 3)).toBe(33);
    expect(share(0, 0)).toBe(0);
  });
});
