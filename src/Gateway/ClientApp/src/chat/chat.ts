import type { HubConnection } from "@microsoft/signalr";
import { ApiError, fromHubError } from "../api/errors";
import { Http } from "../api/http";
import type { ClientConfig, Member, Message, PresenceEvent } from "../api/types";
import { errorText, translate, type Lang, type MessageKey } from "../i18n/i18n";
import { mergeMessages } from "../state/log";
import type { PendingSend } from "../state/outbox";
import { PresenceWatch, sameMembers } from "../state/presence";
import { withRead } from "../state/rooms";
import { Store } from "../state/store";
import { eventHandlers } from "./events";
import { History } from "./history";
import { createHub, isConnected } from "./hub";
import { Sender } from "./sender";
import { initialState, logOf, type AppState } from "./state";

const TOKEN_KEY = "community.token";
const LANG_KEY = "community.lang";
const OUTBOX_KEY = "community.outbox";

/**
 * The client's heart: signs in, holds the hub connection, fetches what was missed after every
 * (re)connection by seq, and sends through an outbox so that nothing is lost or sent twice.
 */
export class Chat {
  readonly store: Store<AppState>;
  readonly http: Http;
  readonly history: History;
  private readonly sender: Sender;
  private hub: HubConnection | null = null;
  /** The room on screen: its new messages are marked read while the page is visible. */
  activeRoom: string | null = null;
  private readTimer = 0;
  private reconnectTimer = 0;
  private toastId = 0;
  private stampTimer = 0;
  private lastTyping = 0;
  private readonly presenceWatch = new PresenceWatch();
  private presenceTimer = 0;
  /** The members the current hub connection was last asked to watch; null when it has not been asked. */
  private watching: string[] | null = null;
  private navigate: (path: string) => void = () => {};

  constructor(lang: Lang) {
    this.store = new Store(initialState(lang));
    this.http = new Http(() => localStorage.getItem(TOKEN_KEY), () => void this.signOut(false));
    this.history = new History(this.store, this.http);
    this.sender = new Sender(this.store, this.history, () => this.hub);
    // What waits in the outbox survives a reload of the page (sent later with the same clientMsgId).
    this.store.subscribe(() => {
      const { me, outbox } = this.state;
      if (me) localStorage.setItem(OUTBOX_KEY, JSON.stringify({ memberId: me.id, outbox }));
    });
    document.addEventListener("visibilitychange", () => this.markActiveRead());
    window.addEventListener("focus", () => this.markActiveRead());
    // The browser knows before the hub's timeout that the network is gone; and once it is back,
    // there is no need to wait for the next retry.
    window.addEventListener("offline", () => void this.hub?.stop());
    window.addEventListener("online", () => {
      window.clearTimeout(this.reconnectTimer);
      this.reconnectTimer = 0;
      this.reconnectSoon(0);
    });
  }

  get state(): AppState {
    return this.store.get();
  }

  t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.state.lang, key, params);

  onNavigate(navigate: (path: string) => void): void {
    this.navigate = navigate;
  }

  go(path: string): void {
    this.navigate(path);
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
    window.clearInterval(this.stampTimer);
    const hub = this.hub;
    this.hub = null;
    this.watching = null;
    await hub?.stop().catch(() => {});
    this.store.update((s) => ({ ...initialState(s.lang), config: s.config, started: true }));
    localStorage.removeItem(OUTBOX_KEY);
    this.navigate("/");
  }

  private async begin(me: Member): Promise<void> {
    this.store.update((s) => ({ me, members: { ...s.members, [me.id]: me }, outbox: savedOutbox(me.id) }));
    await Promise.all([this.history.loadRooms(), this.history.loadStamps()]);
    void this.connect();
    // Stamp image URLs are signed for an hour or two: fetch fresh ones well before they lapse.
    window.clearInterval(this.stampTimer);
    this.stampTimer = window.setInterval(() => void this.history.loadStamps().catch(() => {}), 45 * 60_000);
  }

  // ---- the hub connection

  private async connect(): Promise<void> {
    if (this.hub) return;
    const hub = createHub(() => localStorage.getItem(TOKEN_KEY), {
      onState: (connection) => this.store.update((s) => ({ connection, caughtUp: connection === "connected" ? s.caughtUp : false })),
      onReady: () => {
        // A new connection watches no one yet: subscriptions belong to the connection.
        this.watching = null;
        void this.syncPresence();
        void this.catchUp();
      },
      onClosed: () => this.reconnectSoon(),
      events: eventHandlers(this),
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
      // A refused connection may mean a revoked token: asking the API signs out on 401.
      await this.http.get<Member>("/api/me").catch(() => {});
      this.reconnectSoon(5000);
    }
  }

  private reconnectSoon(delay = 2000): void {
    if (!this.state.me || this.reconnectTimer) return;
    if (this.hub && this.hub.state !== "Disconnected") return;
    this.hub = null;
    this.reconnectTimer = window.setTimeout(() => {
      this.reconnectTimer = 0;
      if (this.state.me) void this.connect();
    }, delay);
  }

  /**
   * After "ready": refresh the room list, fetch every held log's missed messages by seq and every held member list
   * (a join before the connection was ready was heard by no one here), then send what waited.
   */
  private async catchUp(): Promise<void> {
    try {
      await this.history.loadRooms();
      await Promise.all([
        ...Object.keys(this.state.logs).map((roomId) => this.history.catchUp(roomId)),
        ...Object.keys(this.state.roomMembers).map((roomId) => this.history.loadRoomMembers(roomId)),
      ]);
      this.store.update(() => ({ caughtUp: true, wasCaughtUp: true }));
      this.markActiveRead();
      void this.sender.flush();
    } catch (error) {
      console.warn("catching up failed", error);
      window.setTimeout(() => void this.catchUp(), 3000);
    }
  }

  // ---- rooms on screen

  async openRoom(roomId: string): Promise<number> {
    this.activeRoom = roomId;
    const unreadFrom = await this.history.open(roomId);
    this.markActiveRead();
    return unreadFrom;
  }

  closeRoom(roomId: string): void {
    if (this.activeRoom === roomId) this.activeRoom = null;
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

  // ---- what the member does

  /** Sends through the outbox; the send's clientMsgId. */
  send(roomId: string, content: { text?: string; stampId?: string; replyToSeq?: number | null }): string {
    return this.sender.send(roomId, content);
  }

  retrySend(clientMsgId: string): void {
    this.sender.retry(clientMsgId);
  }

  discardSend(clientMsgId: string): void {
    this.sender.discard(clientMsgId);
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
    try {
      if (!isConnected(this.hub)) throw new ApiError("network", "not connected");
      const message = await this.hub.invoke<Message>("EditMessage", roomId, seq, text);
      this.history.updateLog(roomId, (log) => mergeMessages(log, [message]).log);
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

  typing(roomId: string): void {
    // The broadcast channel relays no typing: every member would see it.
    if (this.state.rooms[roomId]?.kind === "broadcast") return;
    if (Date.now() - this.lastTyping < 3000 || !isConnected(this.hub)) return;
    this.lastTyping = Date.now();
    this.hub.invoke("Typing", roomId).catch(() => {});
  }

  setDraft(roomId: string, text: string): void {
    this.store.update((s) => ({ drafts: { ...s.drafts, [roomId]: text } }));
  }

  // ---- presence of the members on screen

  /**
   * Asks the hub for the presence of members on screen (beyond those sharing a room, whose
   * presence comes anyway) until the returned function is called.
   */
  watchPresence(memberIds: readonly string[]): () => void {
    const remove = this.presenceWatch.add(memberIds);
    this.syncPresenceSoon();
    return () => {
      remove();
      this.syncPresenceSoon();
    };
  }

  private syncPresenceSoon(): void {
    window.clearTimeout(this.presenceTimer);
    this.presenceTimer = window.setTimeout(() => void this.syncPresence(), 200);
  }

  /** Tells the hub which members to watch (the list replaces the last one) and takes their presence from its answer. */
  private async syncPresence(): Promise<void> {
    const hub = this.hub;
    if (!isConnected(hub)) return;
    const wanted = this.presenceWatch.wanted(this.state.me?.id ?? null);
    if (this.watching && sameMembers(this.watching, wanted)) return;
    this.watching = wanted;
    try {
      const now = await hub.invoke<PresenceEvent[]>("SubscribePresence", wanted);
      this.store.update((s) => {
        const members = { ...s.members };
        for (const p of now) if (members[p.memberId]) members[p.memberId] = { ...members[p.memberId], online: p.online };
        return { members };
      });
    } catch (error) {
      if (this.hub === hub) this.watching = null;
      console.warn("SubscribePresence failed", error);
    }
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

function savedOutbox(memberId: string): PendingSend[] {
  try {
    const saved = JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? "null") as { memberId: string; outbox: PendingSend[] } | null;
    return saved?.memberId === memberId && Array.isArray(saved.outbox) ? saved.outbox : [];
  } catch {
    return [];
  }
}
