import type { ClientConfig, Meetup, Member, PinnedMessage, Poll, Room, StampPack } from "../api/types";
import type { Lang } from "../i18n/i18n";
import { emptyLog, type RoomLog } from "../state/log";
import type { PendingSend } from "../state/outbox";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";

export interface Toast {
  id: number;
  text: string;
  kind: "info" | "error";
}

/** Everything the client shows, in one place. */
export interface AppState {
  config: ClientConfig;
  lang: Lang;
  me: Member | null;
  /** False until the saved token was checked (or there was none). */
  started: boolean;
  connection: ConnectionState;
  /** True from the hub's "ready" until the next disconnection, once missed messages are fetched. */
  caughtUp: boolean;
  /** True once the first connection caught up: later losses show the reconnecting banner. */
  wasCaughtUp: boolean;
  rooms: Record<string, Room>;
  logs: Record<string, RoomLog>;
  members: Record<string, Member>;
  /** Who is typing where, with when their typing notice lapses. */
  typing: Record<string, Record<string, number>>;
  /** In DMs: how far the other member has read (read receipts). */
  peerRead: Record<string, number>;
  /** In DMs: the other member. */
  dmPeer: Record<string, string>;
  /** Who belongs to each room whose members were loaded (for mentions and the details pane). */
  roomMembers: Record<string, string[]>;
  /** The latest version of each meetup heard on the hub (planned, or someone's RSVP changed), by meetup id. */
  meetups: Record<string, Meetup>;
  /** The pinned messages of each room whose pins were loaded, newest pin first. */
  pins: Record<string, PinnedMessage[]>;
  /** The polls heard of or loaded, by poll id (a room's messages show them by seq). */
  polls: Record<string, Poll>;
  outbox: PendingSend[];
  drafts: Record<string, string>;
  stamps: StampPack[];
  toasts: Toast[];
}

export const initialState = (lang: Lang): AppState => ({
  config: { networkName: "Community", accentColor: null, membersPostOpportunities: false },
  lang,
  me: null,
  started: false,
  connection: "disconnected",
  caughtUp: false,
  wasCaughtUp: false,
  rooms: {},
  logs: {},
  members: {},
  typing: {},
  peerRead: {},
  dmPeer: {},
  roomMembers: {},
  meetups: {},
  pins: {},
  polls: {},
  outbox: [],
  drafts: {},
  stamps: [],
  toasts: [],
});

export const logOf = (state: AppState, roomId: string): RoomLog => state.logs[roomId] ?? emptyLog;
