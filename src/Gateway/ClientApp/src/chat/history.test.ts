import { describe, expect, it, vi } from "vitest";
import type { Http } from "../api/http";
import type { Message, Room } from "../api/types";
import { messagesOf } from "../state/log";
import { Store } from "../state/store";
import { History } from "./history";
import { initialState, logOf, type AppState } from "./state";

const message = (seq: number, senderId = "m_peer", extra: Partial<Message> = {}): Message => ({
  roomId: "d_1", seq, senderId, clientMsgId: `c${seq}`, text: `m${seq}`, stampId: null, replyToSeq: null, mentions: [],
  sentAt: "2026-11-28T10:00:00Z", editedAt: null, deleted: false, reactions: [], ...extra,
});
const dm: Room = {
  id: "d_1", kind: "dm", name: "", topic: "", visibility: "private", createdBy: "m_me", createdAt: "2026-11-01T00:00:00Z",
  memberCount: 2, lastSeq: 3, readSeq: 1, unreadCount: 2, lastMessage: null, myRole: "member",
};

/** A server that holds seqs 1..n of one DM, answering the client's REST calls. */
function server(n: number) {
  const log = Array.from({ length: n }, (_, i) => message(i + 1));
  const calls: string[] = [];
  const http = {
    async get(path: string, query?: Record<string, number>) {
      calls.push(`${path}${query ? ` ${JSON.stringify(query)}` : ""}`);
      if (path.endsWith("/messages")) {
        const after = query?.after ?? 0;
        const before = query?.before ?? Infinity;
        const limit = query?.limit ?? 50;
        const items = log.filter((m) => m.seq > after && m.seq < before);
        return { items: query?.before ? items.slice(-limit) : items.slice(0, limit) };
      }
      if (path.endsWith("/members"))
        return { items: [{ member: { id: "m_me" }, role: "member", readSeq: 3 }, { member: { id: "m_peer", displayName: "Peer" }, role: "member", readSeq: 2 }] };
      if (path.startsWith("/api/members/")) return { id: path.split("/").pop(), displayName: "Someone" };
      throw new Error(`unexpected ${path}`);
    },
  };
  return { http: http as unknown as Http, calls, log };
}

function stateWithDm(): Store<AppState> {
  const store = new Store(initialState("ja"));
  store.update(() => ({ me: { id: "m_me" } as AppState["me"], rooms: { d_1: dm } }));
  return store;
}

describe("the client's history", () => {
  it("opens a room on its latest messages and learns the DM peer and how far they read", async () => {
    const { http } = server(3);
    const store = stateWithDm();
    const unreadFrom = await new History(store, http).open("d_1");
    expect(unreadFrom).toBe(1);
    await vi.waitFor(() => expect(store.get().dmPeer.d_1).toBe("m_peer"), { timeout: 1000 });
    expect(messagesOf(logOf(store.get(), "d_1")).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(store.get().dmPeer.d_1).toBe("m_peer");
    expect(store.get().peerRead.d_1).toBe(3);
  });

  it("keeps a join and a leave heard while a room's member list was on its way, which the list predates", async () => {
    const { http } = server(0);
    let answer!: () => void;
    const slow = {
      async get(path: string, query?: Record<string, number>) {
        if (path.endsWith("/members")) await new Promise<void>((resolve) => (answer = resolve));
        return http.get(path, query);
      },
    } as unknown as Http;
    const store = stateWithDm();
    const history = new History(store, slow);
    const loading = history.loadRoomMembers("d_1");
    await vi.waitFor(() => expect(answer).toBeDefined());
    history.noteMembership("d_1", "m_ken", true);
    history.noteMembership("d_1", "m_peer", false);
    answer();
    await loading;
    expect(store.get().roomMembers.d_1).toEqual(["m_me", "m_ken"]);
  });

  it("fetches what is missing when a live message arrives past a gap, and shows each message once", async () => {
    const { http, calls } = server(6);
    const store = stateWithDm();
    const history = new History(store, http);
    await history.open("d_1");
    history.merge("d_1", [message(6)]);
    await vi.waitFor(() => expect(messagesOf(logOf(store.get(), "d_1")).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]), { timeout: 1000 });
    expect(calls).toContain(`/api/rooms/d_1/messages ${JSON.stringify({ after: 3, limit: 100 })}`);
  });

  it("takes the member's own message out of the outbox when the server has it", () => {
    const { http } = server(0);
    const store = stateWithDm();
    store.update(() => ({ outbox: [{ roomId: "d_1", clientMsgId: "c4", text: "m4", stampId: null, replyToSeq: null, createdAt: "", failed: null }] }));
    new History(store, http).merge("d_1", [message(4, "m_me")]);
    expect(store.get().outbox).toEqual([]);
    expect(store.get().rooms.d_1).toMatchObject({ lastSeq: 4, readSeq: 4, unreadCount: 0 });
  });

  it("counts a DM peer's message as their reading up to it", () => {
    const { http } = server(0);
    const store = stateWithDm();
    new History(store, http).merge("d_1", [message(4, "m_peer")]);
    expect(store.get().peerRead.d_1).toBe(4);
    expect(store.get().rooms.d_1.unreadCount).toBe(3);
  });

  it("gives a room opened while empty the messages it got before the connection was ready", async () => {
    const { http } = server(2);
    const store = stateWithDm();
    store.update((s) => ({ rooms: { d_1: { ...s.rooms.d_1, lastSeq: 0, readSeq: 0, unreadCount: 0 } } }));
    const history = new History(store, http);
    await history.open("d_1");
    expect(messagesOf(logOf(store.get(), "d_1"))).toEqual([]);
    // The room list fetched after the connection is ready says two messages came meanwhile.
    store.update((s) => ({ rooms: { d_1: { ...s.rooms.d_1, lastSeq: 2 } } }));
    await history.catchUp("d_1");
    expect(messagesOf(logOf(store.get(), "d_1")).map((m) => m.seq)).toEqual([1, 2]);
  });
});
