import type { Poll } from "../api/types";

/** The poll shown at a room's message, if any. */
export function pollAt(polls: Record<string, Poll>, roomId: string, seq: number): Poll | undefined {
  for (const poll of Object.values(polls)) if (poll.roomId === roomId && poll.seq === seq) return poll;
  return undefined;
}

/**
 * A poll's newer results merged into what is held: a `poll` event carries no `myChoices` (it goes to the whole room),
 * so the member's own choices stay as the last answer to them said.
 */
export function withPoll(polls: Record<string, Poll>, next: Poll): Record<string, Poll> {
  const held = polls[next.id];
  return { ...polls, [next.id]: next.myChoices === undefined && held?.myChoices ? { ...next, myChoices: held.myChoices } : next };
}

/** The share of voters who chose an option, as a whole percentage. */
export const share = (count: number, voters: number) => (voters === 0 ? 0 : Math.round((count * 100) / voters));
