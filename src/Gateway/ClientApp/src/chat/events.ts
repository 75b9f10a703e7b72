import type {
  Meetup, MembershipEvent, MentionEvent, MeetupReminderEvent, Message, PinnedEvent, Poll, PresenceEvent, ReactionEvent, ReadEvent, Room,
  ThreadUpdatedEvent, TypingEvent,
} from "../api/types";
import { applyReaction, markDeleted, mergeMessages, updateMessage } from "../state/log";
import { withoutPin } from "../state/pins";
import { loadPins } from "./pins";
import { pollHeard } from "./polls";
import { withMembership, withRead } from "../state/rooms";
import type { Chat } from "./chat";
import { notifyIfHidden, wouldNotify } from "./notify";

const TYPING_MS = 6000;

/** What the client does with each event the hub sends (the contract's event names). */
export function eventHandlers(chat: Chat): Record<string, (payload: never) => void> {
  const store = chat.store;
  const history = chat.history;
  const me = () => chat.state.me?.id ?? "";

  const clearTyping = (roomId: string, memberId: string) => {
    if (!chat.state.typing[roomId]?.[memberId]) return;
    store.update((s) => {
      const room = { ...s.typing[roomId] };
      delete room[memberId];
      return { typing: { ...s.typing, [roomId]: room } };
    });
  };

  return {
    message: (message: Message) => {
      const known = chat.state.rooms[message.roomId];
      const room = known ? Promise.resolve(known) : history.loadRoom(message.roomId).catch(() => null);
      history.merge(message.roomId, [message]);
      clearTyping(message.roomId, message.senderId);
      if (message.roomId === chat.activeRoom) chat.markActiveRead();
      void Promise.all([room, history.ensureMembers([message.senderId])]).then(([r]) => {
        if (r?.kind !== "dm" || message.senderId === me() || chat.state.rooms[message.roomId]?.notificationsMuted) return;
        const name = chat.state.members[message.senderId]?.displayName ?? "";
        notifyIfHidden(chat.t("notify.dm", { name }), message.text ?? chat.t("rooms.stamp"), `dm:${message.roomId}`, () => chat.go(`/rooms/${message.roomId}`));
      });
    },
    messageEdited: (message: Message) => history.updateLog(message.roomId, (log) => mergeMessages(log, [message]).log),
    messageDeleted: (e: { roomId: string; seq: number }) => history.updateLog(e.roomId, (log) => markDeleted(log, e.seq)),
    reaction: (e: ReactionEvent) => history.updateLog(e.roomId, (log) => applyReaction(log, e, me())),
    read: (e: ReadEvent) => {
      if (e.memberId === me()) store.update((s) => (s.rooms[e.roomId] ? { rooms: { ...s.rooms, [e.roomId]: withRead(s.rooms[e.roomId], e.seq) } } : {}));
      else store.update((s) => ({ peerRead: { ...s.peerRead, [e.roomId]: Math.max(s.peerRead[e.roomId] ?? 0, e.seq) } }));
    },
    typing: (e: TypingEvent) => {
      if (e.memberId === me()) return;
      void history.ensureMembers([e.memberId]);
      const until = Date.now() + TYPING_MS;
      store.update((s) => ({ typing: { ...s.typing, [e.roomId]: { ...s.typing[e.roomId], [e.memberId]: until } } }));
      window.setTimeout(() => {
        if ((chat.state.typing[e.roomId]?.[e.memberId] ?? 0) <= Date.now()) clearTyping(e.roomId, e.memberId);
      }, TYPING_MS + 50);
    },
    presence: (e: PresenceEvent) =>
      store.update((s) => (s.members[e.memberId] ? { members: { ...s.members, [e.memberId]: { ...s.members[e.memberId], online: e.online } } } : {})),
    roomUpdated: (room: Room) => {
      store.update((s) => ({ rooms: { ...s.rooms, [room.id]: room } }));
      if (room.kind === "dm" && !chat.state.dmPeer[room.id]) void history.loadRoomMembers(room.id).catch(() => []);
    },
    membership: (e: MembershipEvent) => {
      // Who is in a room on screen (mention completion) follows joins and leaves, also those heard while its list loads.
      history.noteMembership(e.roomId, e.memberId, e.joined);
      const roster = withMembership(chat.state.roomMembers[e.roomId], e.memberId, e.joined);
      if (roster) {
        store.update((s) => ({ roomMembers: { ...s.roomMembers, [e.roomId]: roster } }));
        if (e.joined) void history.ensureMembers([e.memberId]);
      }
      if (e.memberId !== me() || e.joined) {
        if (e.memberId === me() || chat.state.rooms[e.roomId]) void history.loadRoom(e.roomId).catch(() => {});
        return;
      }
      store.update((s) => {
        const rooms = { ...s.rooms };
        delete rooms[e.roomId];
        return { rooms };
      });
    },
    mention: (e: MentionEvent) => {
      // The server sends no @all or @here of a muted room; a personal @mention still notifies.
      if (!wouldNotify() || (e.scope !== "member" && e.scope !== undefined && chat.state.rooms[e.roomId]?.notificationsMuted)) return;
      // The room may not be open in this page: its message is fetched by seq for the notification's text.
      const message = history.find(e.roomId, e.seq).catch(() => null);
      void Promise.all([message, history.ensureMembers([e.by])]).then(([m]) => {
        const name = chat.state.members[e.by]?.displayName ?? "";
        notifyIfHidden(chat.t("notify.mention", { name }), m?.text ?? "", `mention:${e.roomId}:${e.seq}`, () => chat.go(`/rooms/${e.roomId}`));
      });
    },
    meetupUpdated: (meetup: Meetup) => {
      void history.ensureMembers(meetup.rsvps.map((r) => r.memberId));
      store.update((s) => ({ meetups: { ...s.meetups, [meetup.id]: meetup } }));
    },
    threadUpdated: (e: ThreadUpdatedEvent) =>
      history.updateLog(e.roomId, (log) => updateMessage(log, e.seq, (m) => ({ ...m, replyCount: e.replyCount, lastReplyAt: e.lastReplyAt }))),
    // Pins held for a room follow its events; a pin brings its message, fetched with the list.
    pinned: (e: PinnedEvent) => {
      if (chat.state.pins[e.roomId] && !chat.state.pins[e.roomId].some((p) => p.message.seq === e.seq))
        void loadPins(chat, e.roomId).catch(() => {});
    },
    unpinned: (e: { roomId: string; seq: number }) =>
      store.update((s) => (s.pins[e.roomId] ? { pins: { ...s.pins, [e.roomId]: withoutPin(s.pins[e.roomId], e.seq) } } : {})),
    poll: (poll: Poll) => pollHeard(chat, poll),
    surveyOpened: (e: { surveyId: string; title: string }) => chat.toast(chat.t("surveys.opened", { title: e.title })),
    eventRsvp: (e: { eventId: string; title: string; status: string }) => {
      const text = chat.t("events.movedUp", { title: e.title });
      chat.toast(text);
      notifyIfHidden(text, "", `event:${e.eventId}`, () => chat.go("/events"));
    },
    eventReminder: (e: { eventId: string; title: string; roomId: string }) => {
      const text = chat.t("events.reminder", { title: e.title });
      chat.toast(text);
      notifyIfHidden(text, "", `event-reminder:${e.eventId}`, () => chat.go(`/rooms/${e.roomId}`));
    },
    meetupReminder: (e: MeetupReminderEvent) => {
      const text = chat.t("meetups.reminder", { title: e.title });
      chat.toast(text);
      notifyIfHidden(text, "", `meetup:${e.meetupId}`, () => chat.go(`/rooms/${e.roomId}`));
    },
  };
}
