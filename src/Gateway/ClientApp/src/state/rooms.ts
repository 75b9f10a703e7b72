import type { Message, Room } from "../api/types";

/**
 * The room list's order: the broadcast channel first, then rooms with unread messages,
 * then the rest; within each, the most recent activity first.
 */
export function sortRooms(rooms: Iterable<Room>): Room[] {
  const rank = (r: Room) => (r.kind === "broadcast" ? 0 : r.unreadCount > 0 ? 1 : 2);
  const activity = (r: Room) => Date.parse(r.lastMessage?.sentAt ?? r.createdAt) || 0;
  return [...rooms].sort((a, b) => rank(a) - rank(b) || activity(b) - activity(a) || a.name.localeCompare(b.name));
}

/** A new message in a room: it becomes the last message, and counts as unread unless the reader sent it. */
export function withMessage(room: Room, message: Message, myId: string): Room {
  if (message.seq <= room.lastSeq && room.lastMessage && room.lastMessage.seq >= message.seq) return room;
  const lastSeq = Math.max(room.lastSeq, message.seq);
  const readSeq = message.senderId === myId ? Math.max(room.readSeq, message.seq) : room.readSeq;
  return { ...room, lastSeq, readSeq, unreadCount: Math.max(0, lastSeq - readSeq), lastMessage: message };
}

/** The reader read up to `seq` (here or on another of their devices). */
export function withRead(room: Room, seq: number): Room {
  if (seq <= room.readSeq) return room;
  const readSeq = Math.min(Math.max(room.readSeq, seq), Math.max(room.lastSeq, seq));
  return { ...room, readSeq, unreadCount: Math.max(0, room.lastSeq - readSeq) };
}

/** The total for the tab title and the phone's back button. */
export function totalUnread(rooms: Iterable<Room>): number {
  let total = 0;
  for (const r of rooms) total += r.unreadCount;
  return total;
}

/** A room's member list after someone joined or left; a list not held stays not held. */
export function withMembership(roster: readonly string[] | undefined, memberId: string, joined: boolean): string[] | undefined {
  if (!roster) return undefined;
  const without = roster.filter((id) => id !== memberId);
  return joined ? [...without, memberId] : without;
}
