/** A piece of a hit's snippet: plain text, `match` for the parts the query matched. Rendered as text, never as markup. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

/** One message `GET /api/search/messages` found. */
export interface MessageSearchHit {
  roomId: string;
  roomKind: "room" | "dm" | "broadcast" | "meetup";
  roomName: string;
  seq: number;
  senderId: string;
  sentAt: string;
  editedAt: string | null;
  snippet: SnippetSegment[];
}

export interface MessageSearchPage {
  items: MessageSearchHit[];
  nextBefore: number | null;
}

/** The least a query holds, in characters (code points), as the server counts graphemes: two kana or kanji, or two letters. */
export const MIN_QUERY = 2;

export function longEnough(q: string): boolean {
  return [...q.trim()].length >= MIN_QUERY;
}

/** Where a hit opens: its room, at its message. */
export function hitPath(hit: Pick<MessageSearchHit, "roomId" | "seq">): string {
  return `/rooms/${encodeURIComponent(hit.roomId)}?seq=${hit.seq}`;
}
