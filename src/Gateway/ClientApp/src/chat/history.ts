import type { Http } from "../api/http";
import type { Member, Message, Room, RoomMember, StampPack } from "../api/types";
import { mergeMessages, type RoomLog } from "../state/log";
import { acknowledge } from "../state/outbox";
import { withMessage } from "../state/rooms";
import type { Store } from "../state/store";
import { shownMember } from "../state/formerMember";
import { logOf, type AppState } from "./state";

const PAGE = 50;

/** What the client holds of the server's data: rooms, their logs (merged by seq), members, stamps. */
export class History {
  constructor(
    private readonly store: Store<AppState>,
    private readonly http: Http,
  ) {}

  private get state(): AppState {
    return this.store.get();
  }

  async loadRooms(): Promise<void> {
    const { items } = await this.http.get<{ items: Room[] }>("/api/rooms");
    this.store.update(() => ({ rooms: Object.fromEntries(items.map((r) => [r.id, r])) }));
    await Promise.all(items.filter((r) => r.kind === "dm" && !this.state.dmPeer[r.id]).map((r) => this.loadRoomMembers(r.id).catch(() => [])));
  }

  async loadRoom(roomId: string): Promise<Room> {
    const room = await this.http.get<Room>(`/api/rooms/${encodeURIComponent(roomId)}`);
    this.store.update((s) => ({ rooms: room.myRole || s.rooms[room.id] ? { ...s.rooms, [room.id]: room } : s.rooms }));
    if (room.kind === "dm" && !this.state.dmPeer[room.id]) await this.loadRoomMembers(room.id).catch(() => []);
    return room;
  }

  private stampsLoading: Promise<void> | null = null;
  private readonly stampsLookedUp = new Set<string>();
  /** Joins and leaves heard while a room's member list is being fetched: the list may predate them. */
  private readonly membershipWhileLoading = new Map<string, Map<string, boolean>>();

  /** The stamp packs with freshly signed image URLs; one request at a time. */
  loadStamps(): Promise<void> {
    this.stampsLoading ??= this.http
      .get<{ packs: StampPack[] }>("/api/stamps")
      .then(({ packs }) => this.store.update(() => ({ stamps: packs })))
      .finally(() => { this.stampsLoading = null; });
    return this.stampsLoading;
  }

  /** A stamp not among the packs held (a pack added since the page loaded): the packs once more, once per stamp. */
  lookUpStamp(stampId: string): void {
    if (this.stampsLookedUp.has(stampId)) return;
    this.stampsLookedUp.add(stampId);
    void this.loadStamps().catch(() => {});
  }

  /**
   * Loads a room to show: the messages around where the reader left off (or the latest), and its
   * members. Returns the seq the reader had read when there is something unread, else -1.
   */
  async open(roomId: string): Promise<number> {
    const room = this.state.rooms[roomId] ?? (await this.loadRoom(roomId));
    const unreadFrom = room.unreadCount > 0 ? room.readSeq : -1;
    // From now on live messages of this room are kept, even before any history is loaded.
    if (!this.state.logs[roomId]) this.store.update((s) => ({ logs: { ...s.logs, [roomId]: logOf(s, roomId) } }));
    const log = logOf(this.state, roomId);
    if (log.newest === 0 && room.lastSeq > 0 && room.myRole) {
      if (room.unreadCount > PAGE) {
        await this.fetchPage(roomId, { before: room.readSeq + 1, limit: 20 });
        await this.fetchAfter(roomId, room.readSeq);
      } else {
        await this.fetchPage(roomId, { before: room.lastSeq + 1, limit: PAGE });
      }
    } else if (log.newest > 0) {
      await this.fetchAfter(roomId, log.newest);
    }
    if (room.myRole) void this.loadRoomMembers(roomId).catch(() => []);
    return unreadFrom;
  }

  /**
   * After a (re)connection: what a held room got meanwhile. A room opened while it was still empty
   * may have had its first messages before the connection heard them; it gets its newest page.
   */
  async catchUp(roomId: string): Promise<void> {
    const room = this.state.rooms[roomId];
    const log = logOf(this.state, roomId);
    if (!room?.myRole) return;
    if (log.newest > 0) await this.fetchAfter(roomId, log.newest);
    else if (room.lastSeq > 0) await this.fetchPage(roomId, { before: room.lastSeq + 1, limit: PAGE });
  }

  async loadOlder(roomId: string): Promise<void> {
    const log = logOf(this.state, roomId);
    if (log.complete || log.oldest <= 1) return;
    await this.fetchPage(roomId, { before: log.oldest, limit: PAGE });
  }

  /** Everything after `seq`, page by page. */
  async fetchAfter(roomId: string, seq: number): Promise<void> {
    let after = seq;
    for (;;) {
      const items = await this.fetchPage(roomId, { after, limit: 100 });
      if (items.length < 100) return;
      after = items[items.length - 1].seq;
    }
  }

  private async fetchPage(roomId: string, query: { before?: number; after?: number; limit: number }): Promise<Message[]> {
    const { items } = await this.http.get<{ items: Message[] }>(`/api/rooms/${encodeURIComponent(roomId)}/messages`, query);
    this.merge(roomId, items);
    await this.ensureMembers(items.map((m) => m.senderId));
    return items;
  }

  /** One message, from what is held or else from the server (a room not opened in this page). */
  async find(roomId: string, seq: number): Promise<Message | null> {
    const held = logOf(this.state, roomId).bySeq.get(seq) ?? this.state.rooms[roomId]?.lastMessage;
    if (held?.seq === seq) return held;
    const { items } = await this.http.get<{ items: Message[] }>(`/api/rooms/${encodeURIComponent(roomId)}/messages`, { after: seq - 1, limit: 1 });
    return items.find((m) => m.seq === seq) ?? null;
  }

  /** A join or leave heard on the hub; a member list of the room being fetched meanwhile takes it into account. */
  noteMembership(roomId: string, memberId: string, joined: boolean): void {
    this.membershipWhileLoading.get(roomId)?.set(memberId, joined);
  }

  async loadRoomMembers(roomId: string): Promise<RoomMember[]> {
    const heard = new Map<string, boolean>();
    this.membershipWhileLoading.set(roomId, heard);
    let items: RoomMember[];
    try {
      ({ items } = await this.http.get<{ items: RoomMember[] }>(`/api/rooms/${encodeURIComponent(roomId)}/members`));
    } finally {
      if (this.membershipWhileLoading.get(roomId) === heard) this.membershipWhileLoading.delete(roomId);
    }
    const me = this.state.me?.id;
    this.store.update((s) => {
      const members = { ...s.members };
      for (const item of items) members[item.member.id] = shownMember(item.member, s.lang);
      const peer = items.find((i) => i.member.id !== me && typeof i.readSeq === "number");
      const peerRead = peer ? { ...s.peerRead, [roomId]: Math.max(s.peerRead[roomId] ?? 0, peer.readSeq ?? 0) } : s.peerRead;
      const dmPeer = peer ? { ...s.dmPeer, [roomId]: peer.member.id } : s.dmPeer;
      const ids = items.map((i) => i.member.id).filter((id) => heard.get(id) !== false);
      for (const [id, joined] of heard) if (joined && !ids.includes(id)) ids.push(id);
      return { members, peerRead, dmPeer, roomMembers: { ...s.roomMembers, [roomId]: ids } };
    });
    // Those who joined after the list was read: their profiles are not in it.
    void this.ensureMembers([...heard].filter(([, joined]) => joined).map(([id]) => id));
    return items;
  }

  /** Keeps members fetched elsewhere (a directory page, a profile), so that presence events reach what is shown. */
  rememberMembers(members: readonly Member[]): void {
    if (members.length > 0) this.store.update((s) => ({ members: { ...s.members, ...Object.fromEntries(members.map((m) => [m.id, shownMember(m, s.lang)])) } }));
  }

  async ensureMembers(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.state.members[id]);
    const found = await Promise.all(missing.map((id) => this.http.get<Member>(`/api/members/${encodeURIComponent(id)}`).catch(() => null)));
    const known = found.filter((m): m is Member => !!m);
    if (known.length > 0) this.store.update((s) => ({ members: { ...s.members, ...Object.fromEntries(known.map((m) => [m.id, shownMember(m, s.lang)])) } }));
  }

  /**
   * Adds messages to a room's log and its entry in the room list; the member's own messages leave
   * the outbox. A gap after what is held is fetched by seq.
   */
  merge(roomId: string, messages: readonly Message[]): void {
    if (messages.length === 0) return;
    let gapAfter: number | null = null;
    this.store.update((s) => {
      const me = s.me?.id ?? "";
      const outbox = messages.reduce((box, m) => (m.senderId === me ? acknowledge(box, m.clientMsgId) : box), s.outbox);
      const room = s.rooms[roomId];
      const newest = messages.reduce((a, b) => (b.seq > a.seq ? b : a));
      const rooms = room ? { ...s.rooms, [roomId]: withMessage(room, newest, me) } : s.rooms;
      // Writing in a DM reads it: the server moves the sender's read position to their message.
      const peerSeq = room?.kind === "dm" ? Math.max(0, ...messages.filter((m) => m.senderId !== me).map((m) => m.seq)) : 0;
      const peerRead = peerSeq > (s.peerRead[roomId] ?? 0) ? { ...s.peerRead, [roomId]: peerSeq } : s.peerRead;
      if (!s.logs[roomId]) return { outbox, rooms, peerRead };
      const merged = mergeMessages(s.logs[roomId], messages);
      gapAfter = merged.gapAfter;
      return { logs: { ...s.logs, [roomId]: merged.log }, outbox, rooms, peerRead };
    });
    if (gapAfter !== null) void this.fetchAfter(roomId, gapAfter).catch((e) => console.warn("fetching a gap failed", e));
  }

  updateLog(roomId: string, change: (log: RoomLog) => RoomLog): void {
    this.store.update((s) => (s.logs[roomId] ? { logs: { ...s.logs, [roomId]: change(s.logs[roomId]) } } : {}));
  }
}
