import type { Poll } from "../api/types";
import { withPoll } from "../state/polls";
import type { Chat } from "./chat";

const path = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/polls`;

const keep = (chat: Chat, poll: Poll) => chat.store.update((s) => ({ polls: withPoll(s.polls, poll) }));

/** Fetches a room's latest polls, each with my own choices, into the state. */
export async function loadPolls(chat: Chat, roomId: string): Promise<void> {
  const answer = await chat.http.get<{ items: Poll[] }>(path(roomId));
  chat.store.update((s) => ({ polls: answer.items.reduce(withPoll, s.polls) }));
}

export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  closesAt: string | null;
}

/** Posts a poll into the room; it appears in the timeline as the message at its seq. */
export async function createPoll(chat: Chat, roomId: string, draft: PollDraft): Promise<Poll> {
  const poll = await chat.http.post<Poll>(path(roomId), { ...draft, clientMsgId: `poll-${crypto.randomUUID()}` });
  keep(chat, poll);
  return poll;
}

export async function vote(chat: Chat, poll: Poll, choices: number[]): Promise<void> {
  keep(chat, await chat.http.put<Poll>(`${path(poll.roomId)}/${encodeURIComponent(poll.id)}/vote`, { choices }));
}

export async function closePoll(chat: Chat, poll: Poll): Promise<void> {
  keep(chat, await chat.http.post<Poll>(`${path(poll.roomId)}/${encodeURIComponent(poll.id)}/close`));
}

/** Follows a `poll` event. */
export const pollHeard = keep;
