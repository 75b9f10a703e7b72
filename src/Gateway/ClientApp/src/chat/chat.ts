import type { HubConnection } from "@microsoft/signalr";
import { ApiError, fromHubError } from "../api/errors";
import { Http } from "../api/http";
import type {
  ClientConfig, Member, MembershipEvent, MentionEvent, MeetupReminderEvent, Message, PresenceEvent, ReactionEvent, ReadEvent, Room,
  RoomMember, StampPack, TypingEvent,
} from "../api/types";
import { errorText, translate, type Lang, type MessageKey } from "../i18n/i18n";
import { applyReaction, markDeleted, mergeMessages, type RoomLog } from "../state/log";
import { acknowledge, enqueue, fail, nextToSend, retry } from "../state/outbox";
import { withMessage, withRead } from "../state/rooms";
import { Store } from "../state/store";
import { createHub, isConnected } from "./hub";
import { notifyIfHidden } from "./notify";
import { initialState, logOf, type AppState } from "./state";

const TOKEN_KEY = "community.token";
const LANG_KEY = "community.lang";
const PAGE = 50;
const TYPING_MS = 6000;

/**
 * The client's heart: signs in, holds the hub connection, fetches what was missed after every
 * (re)connection by seq, and sends through an outbox so that nothing is lost or sent twice.
 */
export class Chat {
  readonly store: Store<AppState>;
  readonly http: Http;
  private hub: HubConnection | null = null;
  private flushing = false;
  private activeRoom: string | null = null;
  private readTimer = 0;
  private toastId = 0;
  private stampTimer = 0;
  private navigate: (path: string) => void = () => {};

  constructor(lang: Lang) {
    this.store = new Store(initialState(lang));
    this.http = new Http(() => localStorage.getItem(TOKEN_KEY), () => void this.signOut(false));
    document.addEventListener("visibilitychange", () => this.markActiveRead());
    window.addEventListener("focus", () => this.markActiveRead());
    // The browser knows before the hub's timeout that the network is gone; and once it is back,
    // there is no need to wait for the next retry.
    window.addEventListener("offline", () => void this.hub?.stop());
    window.addEventListener("online", () => {
      window.clearTimeout(this.reconnectTimer);
      this.reconnectTimer = 0;
      void this.reconnectSoon(0);
    });
  }

  get state(): AppState {
    return this.store.get();
  }

  t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.state.lang, key, params);

  onNavigate(navigate: (path: string) => void): void {
    this.navigate = navigate;
  }

  setLang(lang: Lang): void {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    this.store.update(() => ({ lang }));
  }

  // ---- signing in and out

  async start(): Promise<void> {
    this.http.get<ClientConfig>("/client/config.json").then((config) => this.store.update(() => ({ config })), () => {});
    if (localStorage.getItem(TOKEN_KEY)) {
      try {
        await this.begin(await this.http.get<Member>("/api/me"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) localStorage.removeItem(TOKEN_KEY);
        else this.toastError(error);
      }
    }
    this.store.update(() => ({ started: true }));
  }

  async signIn(handle: string, password: string): Promise<void> {
    const answer = await this.http.post<{ token: string; member: Member }>("/api/auth/login", { handle, password });
    localStorage.setItem(TOKEN_KEY, answer.token);
    await this.begin(answer.member);
  }

  async signUp(inviteCode: string, handle: string, displayName: string, password: string): Promise<void> {
    const answer = await this.http.post<{ token: string; member: Member }>("/api/auth/register", { inviteCode, handle, displayName, password });
    localStorage.setItem(TOKEN_KEY, answer.token);
    await this.begin(answer.member);
  }

  async signOut(tellServer = true): Promise<void> {
    if (tellServer) await this.http.post("/api/auth/logout").catch(() => {});
    localStorage.removeItem(TOKEN_KEY);
    const hub = this.hub;
    this.hub = null;
    await hub?.stop().catch(() => {});
    this.store.update((s) => ({ ...initialState(s.lang), config: s.config, started: true }));
    this.navigate("/");
  }

  private async begin(me: Member): Promise<void> {
    this.store.update((s) => ({ me, members: { ...s.members, [me.id]: me } }));
    await Promise.all([this.loadRooms(), this.loadStamps()]);
    void this.connect();
    // Stamp image URLs are signed for an hour or two: fetch fresh ones well before they lapse.
    window.clearInterval(this.stampTimer);
    this.stampTimer = window.setInterval(() => void this.loadStamps().catch(() => {}), 45 * 60_000);
  }

  // ---- the hub connection

  private async connect(): Promise<void> {
    if (this.hub) return;
    const hub = createHub(() => localStorage.getItem(TOKEN_KEY), {
      onState: (connection) => this.store.update(() => ({ connection, caughtUp: connection === "connected" ? this.state.caughtUp : false })),
      onReady: () => void this.catchUp(),
      onClosed: () => void this.reconnectSoon(),
      events: {
        message: (m: Message) => this.onMessage(m),
        messageEdited: (m: Message) => this.onEdited(m),
        messageDeleted: (e: { roomId: string; seq: number }) => this.updateLog(e.roomId, (log) => markDeleted(log, e.seq)),
        reaction: (e: ReactionEvent) => this.updateLog(e.roomId, (log) => applyReaction(log, e, this.state.me?.id ?? "")),
        read: (e: ReadEvent) => this.onRead(e),
        typing: (e: TypingEvent) => this.onTyping(e),
        presence: (e: PresenceEvent) => this.onPresence(e),
        roomUpdated: (room: Room) => {
          this.store.update((s) => ({ rooms: { ...s.rooms, [room.id]: room } }));
          if (room.kind === "dm" && !this.state.dmPeer[room.id]) void this.loadRoomMembers(room.id).catch(() => []);
        },
        membership: (e: MembershipEvent) => this.onMembership(e),
        mention: (e: MentionEvent) => this.onMention(e),
        meetupReminder: (e: MeetupReminderEvent) => this.onMeetupReminder(e),
      },
    });
    this.hub = hub;
    this.store.update(() => ({ connection: "connecting", caughtUp: false }));
    try {
      await hub.start();
      this.store.update(() => ({ connection: "connected" }));
    } catch (error) {
      console.warn("hub connection failed", error);
      this.store.update(() => ({ connection: "disconnected" }));
      if (this.hub === hub) this.hub = null;
      await this.checkStillSignedIn();
      void this.reconnectSoon(5000);
    }
  }

  private reconnectTimer = 0;

  private async reconnectSoon(delay = 2000): Promise<void> {
    if (!this.state.me || this.reconnectTimer) return;
    if (this.hub && this.hub.state !== "Disconnected") return;
    this.hub = null;
    this.reconnectTimer = window.setTimeout(() => {
      this.reconnectTimer = 0;
      if (this.state.me) void this.connect();
    }, delay);
  }

  private async checkStillSignedIn(): Promise<void> {
    await this.http.get<Member>("/api/me").catch(() => {});
  }

  /** After "ready": refresh the room list, fetch every held log's missed messages by seq, then send what waited. */
  private async catchUp(): Promise<void> {
    try {
      await this.loadRooms();
      await Promise.all(Object.entries(this.state.logs).map(([roomId, log]) => (log.newest > 0 ? this.fetchAfter(roomId, log.newest) : Promise.resolve())));
      this.store.update(() => ({ caughtUp: true }));
      this.markActiveRead();
      void this.flush();
    } catch (error) {
      console.warn("catching up failed", error);
      window.setTimeout(() => void this.catchUp(), 3000);
    }
  }

  // ---- rooms and history

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

  async loadStamps(): Promise<void> {
    const { packs } = await this.http.get<{ packs: StampPack[] }>("/api/stamps");
    this.store.update(() => ({ stamps: packs }));
  }

  /** Opens a room: the messages around where the reader left off (or the latest), and its members. */
  async openRoom(roomId: string): Promise<number> {
    this.activeRoom = roomId;
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
    if (room.myRole) void this.loadRoomMembers(roomId);
    this.markActiveRead();
    return unreadFrom;
  }

  closeRoom(roomId: string): void {
    if (this.activeRoom === roomId) this.activeRoom = null;
  }

  async loadOlder(roomId: string): Promise<void> {
    const log = logOf(this.state, roomId);
    if (log.complete || log.oldest <= 1) return;
    await this.fetchPage(roomId, { before: log.oldest, limit: PAGE });
  }

  private async fetchPage(roomId: string, query: { before?: number; after?: number; limit: number }): Promise<Message[]> {
    const { items } = await this.http.get<{ items: Message[] }>(`/api/rooms/${encodeURIComponent(roomId)}/messages`, query);
    this.mergeInto(roomId, items);
    await this.ensureMembers(items.map((m) => m.senderId));
    return items;
  }

  /** Everything after `seq`, page by page. */
  private async fetchAfter(roomId: string, seq: number): Promise<void> {
    let after = seq;
    for (;;) {
      const items = await this.fetchPage(roomId, { after, limit: 100 });
      if (items.length < 100) return;
      after = items[items.length - 1].seq;
    }
  }

  async loadRoomMembers(roomId: string): Promise<RoomMember[]> {
    const { items } = await this.http.get<{ items: RoomMember[] }>(`/api/rooms/${encodeURIComponent(roomId)}/members`);
    const me = this.state.me?.id;
    this.store.update((s) => {
      const members = { ...s.members };
      for (const item of items) members[item.member.id] = item.member;
      const peer = items.find((i) => i.member.id !== me && typeof i.readSeq === "number");
      const peerRead = peer ? { ...s.peerRead, [roomId]: Math.max(s.peerRead[roomId] ?? 0, peer.readSeq ?? 0) } : s.peerRead;
      const dmPeer = peer ? { ...s.dmPeer, [roomId]: peer.member.id } : s.dmPeer;
      return { members, peerRead, dmPeer, roomMembers: { ...s.roomMembers, [roomId]: items.map((i) => i.member.id) } };
    });
    return items;
  }

  async ensureMembers(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.state.members[id]);
    const found = await Promise.all(missing.map((id) => this.http.get<Member>(`/api/members/${encodeURIComponent(id)}`).catch(() => null)));
    if (found.some(Boolean)) this.store.update((s) => ({ members: { ...s.members, ...Object.fromEntries(found.filter((m): m is Member => !!m).map((m) => [m.id, m])) } }));
  }

  private mergeInto(roomId: string, messages: readonly Message[]): void {
    if (messages.length === 0) return;
    let gapAfter: number | null = null;
    this.store.update((s) => {
      const merged = mergeMessages(logOf(s, roomId), messages);
      gapAfter = merged.gapAfter;
      const me = s.me?.id ?? "";
      // A message the server has is no longer waiting in the outbox.
      const outbox = messages.reduce((box, m) => (m.senderId === me ? acknowledge(box, m.clientMsgId) : box), s.outbox);
      const room = s.rooms[roomId];
      const newest = messages.reduce((a, b) => (b.seq > a.seq ? b : a));
      return {
        logs: { ...s.logs, [roomId]: merged.log },
        outbox,
        rooms: room ? { ...s.rooms, [roomId]: withMessage(room, newest, me) } : s.rooms,
      };
    });
    if (gapAfter !== null) void this.fetchAfter(roomId, gapAfter);
  }

  private updateLog(roomId: string, change: (log: RoomLog) => RoomLog): void {
    this.store.update((s) => (s.logs[roomId] ? { logs: { ...s.logs, [roomId]: change(s.logs[roomId]) } } : {}));
  }

  // ---- events

  private onMessage(message: Message): void {
    const s = this.state;
    const me = s.me?.id ?? "";
    if (!s.rooms[message.roomId]) void this.loadRoom(message.roomId);
    if (s.logs[message.roomId]) this.mergeInto(message.roomId, [message]);
    else
      this.store.update((st) => ({
        rooms: st.rooms[message.roomId] ? { ...st.rooms, [message.roomId]: withMessage(st.rooms[message.roomId], message, me) } : st.rooms,
        outbox: message.senderId === me ? acknowledge(st.outbox, message.clientMsgId) : st.outbox,
      }));
    void this.ensureMembers([message.senderId]);
    this.clearTyping(message.roomId, message.senderId);
    if (message.roomId === this.activeRoom) this.markActiveRead();
    const room = this.state.rooms[message.roomId];
    if (room?.kind === "dm" && message.senderId !== me) {
      const name = this.state.members[message.senderId]?.displayName ?? "";
      notifyIfHidden(this.t("notify.dm", { name }), message.text ?? this.t("rooms.stamp"), `dm:${message.roomId}`, () => this.navigate(`/rooms/${message.roomId}`));
    }
  }

  private onEdited(message: Message): void {
    this.updateLog(message.roomId, (log) => mergeMessages(log, [message]).log);
  }

  private onRead(e: ReadEvent): void {
    if (e.memberId === this.state.me?.id) {
      this.store.update((s) => (s.rooms[e.roomId] ? { rooms: { ...s.rooms, [e.roomId]: withRead(s.rooms[e.roomId], e.seq) } } : {}));
    } else {
      this.store.update((s) => ({ peerRead: { ...s.peerRead, [e.roomId]: Math.max(s.peerRead[e.roomId] ?? 0, e.seq) } }));
    }
  }

  private onTyping(e: TypingEvent): void {
    if (e.memberId === this.state.me?.id) return;
    void this.ensureMembers([e.memberId]);
    const until = Date.now() + TYPING_MS;
    this.store.update((s) => ({ typing: { ...s.typing, [e.roomId]: { ...s.typing[e.roomId], [e.memberId]: until } } }));
    window.setTimeout(() => {
      if ((this.state.typing[e.roomId]?.[e.memberId] ?? 0) <= Date.now()) this.clearTyping(e.roomId, e.memberId);
    }, TYPING_MS + 50);
  }

  private clearTyping(roomId: string, memberId: string): void {
    if (!this.state.typing[roomId]?.[memberId]) return;
    this.store.update((s) => {
      const room = { ...s.typing[roomId] };
      delete room[memberId];
      return { typing: { ...s.typing, [roomId]: room } };
    });
  }

  private onPresence(e: PresenceEvent): void {
    this.store.update((s) => (s.members[e.memberId] ? { members: { ...s.members, [e.memberId]: { ...s.members[e.memberId], online: e.online } } } : {}));
  }

  private onMembership(e: MembershipEvent): void {
    if (e.memberId !== this.state.me?.id) {
      if (this.state.rooms[e.roomId]) void this.loadRoom(e.roomId);
      return;
    }
    if (e.joined) void this.loadRoom(e.roomId);
    else
      this.store.update((s) => {
        const rooms = { ...s.rooms };
        delete rooms[e.roomId];
        return { rooms };
      });
  }

  private onMention(e: MentionEvent): void {
    void this.ensureMembers([e.by]).then(() => {
      const name = this.state.members[e.by]?.displayName ?? "";
      const text = logOf(this.state, e.roomId).bySeq.get(e.seq)?.text ?? "";
      notifyIfHidden(this.t("notify.mention", { name }), text, `mention:${e.roomId}:${e.seq}`, () => this.navigate(`/rooms/${e.roomId}`));
    });
  }

  private onMeetupReminder(e: MeetupReminderEvent): void {
    const text = this.t("meetups.reminder", { title: e.title });
    this.toast(text);
    notifyIfHidden(text, "", `meetup:${e.meetupId}`, () => this.navigate(`/rooms/${e.roomId}`));
  }

  // ---- what the member does

  /** Queues a message; it goes out now if connected, else once the connection is back and caught up. */
  send(roomId: string, content: { text?: string; stampId?: string; replyToSeq?: number | null }): void {
    const pending = {
      roomId,
      clientMsgId: crypto.randomUUID(),
      text: content.text ?? null,
      stampId: content.stampId ?? null,
      replyToSeq: content.replyToSeq ?? null,
      createdAt: new Date().toISOString(),
      failed: null,
    };
    this.store.update((s) => ({ outbox: enqueue(s.outbox, pending) }));
    void this.flush();
  }

  retrySend(clientMsgId: string): void {
    this.store.update((s) => ({ outbox: retry(s.outbox, clientMsgId) }));
    void this.flush();
  }

  discardSend(clientMsgId: string): void {
    this.store.update((s) => ({ outbox: acknowledge(s.outbox, clientMsgId) }));
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        const hub = this.hub;
        const next = nextToSend(this.state.outbox);
        if (!next || !isConnected(hub) || !this.state.caughtUp) return;
        try {
          const body: Record<string, unknown> = { clientMsgId: next.clientMsgId };
          if (next.text) body.text = next.text;
          if (next.stampId) body.stampId = next.stampId;
          if (next.replyToSeq) body.replyToSeq = next.replyToSeq;
          const message = await hub.invoke<Message>("SendMessage", next.roomId, body);
          this.mergeInto(next.roomId, [message]);
          this.store.update((s) => ({ outbox: acknowledge(s.outbox, next.clientMsgId) }));
        } catch (raw) {
          const error = fromHubError(raw);
          console.warn(`SendMessage refused: ${error.code}: ${error.message}`);
          // Not sent, or not known to be: the same clientMsgId goes out again after reconnecting.
          if (error.code === "network") return;
          if (error.code === "rate_limited" || error.code === "conflict") {
            await new Promise((resolve) => window.setTimeout(resolve, 1500));
            continue;
          }
          this.store.update((s) => ({ outbox: fail(s.outbox, next.clientMsgId, error.code) }));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Calls a hub method; a refusal shows as a toast in the member's words. */
  async invoke(method: string, ...args: unknown[]): Promise<void> {
    try {
      if (!isConnected(this.hub)) throw new ApiError("network", "not connected");
      await this.hub.invoke(method, ...args);
    } catch (raw) {
      this.toastError(fromHubError(raw));
      throw raw;
    }
  }

  async edit(roomId: string, seq: number, text: string): Promise<void> {
    if (!isConnected(this.hub)) return this.toastError(new ApiError("network", "not connected"));
    try {
      const message = await this.hub.invoke<Message>("EditMessage", roomId, seq, text);
      this.onEdited(message);
    } catch (raw) {
      this.toastError(fromHubError(raw));
    }
  }

  remove(roomId: string, seq: number): Promise<void> {
    return this.invoke("DeleteMessage", roomId, seq).catch(() => {});
  }

  toggleReaction(roomId: string, seq: number, key: string): Promise<void> {
    const mine = logOf(this.state, roomId).bySeq.get(seq)?.reactions.find((r) => r.key === key)?.me ?? false;
    return this.invoke(mine ? "RemoveReaction" : "AddReaction", roomId, seq, key).catch(() => {});
  }

  private lastTyping = 0;

  typing(roomId: string): void {
    if (Date.now() - this.lastTyping < 3000 || !isConnected(this.hub)) return;
    this.lastTyping = Date.now();
    this.hub.invoke("Typing", roomId).catch(() => {});
  }

  setDraft(roomId: string, text: string): void {
    this.store.update((s) => ({ drafts: { ...s.drafts, [roomId]: text } }));
  }

  /** Marks the open room read up to its newest message, while the page is visible. */
  markActiveRead(): void {
    window.clearTimeout(this.readTimer);
    this.readTimer = window.setTimeout(() => {
      const roomId = this.activeRoom;
      if (!roomId || document.visibilityState !== "visible") return;
      const room = this.state.rooms[roomId];
      const newest = logOf(this.state, roomId).newest;
      if (!room || !room.myRole || newest <= room.readSeq || !isConnected(this.hub) || !this.state.caughtUp) return;
      this.store.update((s) => ({ rooms: { ...s.rooms, [roomId]: withRead(s.rooms[roomId], newest) } }));
      this.hub.invoke("MarkRead", roomId, newest).catch((e) => console.warn("MarkRead failed", e));
    }, 250);
  }

  // ---- feedback

  toast(text: string, kind: "info" | "error" = "info"): void {
    const id = ++this.toastId;
    this.store.update((s) => ({ toasts: [...s.toasts, { id, text, kind }] }));
    window.setTimeout(() => this.store.update((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), 5000);
  }

  toastError(error: unknown): void {
    const code = error instanceof ApiError ? error.code : "generic";
    console.warn("refused:", code, error instanceof Error ? error.message : error);
    this.toast(errorText(this.state.lang, code), "error");
  }
}

export const savedLang = (): string | null => localStorage.getItem(LANG_KEY);
