import type { Room } from "../api/types";
import { navigate, router, segments } from "../chat/router";
import { sortRooms } from "../state/rooms";
import { useSelect } from "../state/store";
import { Avatar } from "./Avatar";
import { useApp, useT, useWatchPresence } from "./context";
import { useRoomTitle } from "./roomTitle";

/** The member's rooms: the broadcast channel first, then unread ones, each with its badge and last message. */
export function RoomList() {
  const t = useT();
  const rooms = useApp((s) => sortRooms(Object.values(s.rooms)));
  const active = useSelect(router, (r) => (segments(r.path)[0] === "rooms" ? segments(r.path)[1] : null));
  const onlyBroadcast = rooms.every((r) => r.kind === "broadcast");
  useWatchPresence(useApp((s) => Object.values(s.rooms).filter((r) => r.kind === "dm").map((r) => s.dmPeer[r.id] ?? "").filter(Boolean)));
  return (
    <section class="room-list" aria-labelledby="room-list-title">
      <h2 id="room-list-title" class="visually-hidden">{t("rooms.title")}</h2>
      <ul>
        {rooms.map((room) => (
          <RoomItem key={room.id} room={room} active={room.id === active} />
        ))}
      </ul>
      {onlyBroadcast && <p class="empty">{t("rooms.empty")}</p>}
    </section>
  );
}

function RoomItem({ room, active }: { room: Room; active: boolean }) {
  const t = useT();
  const title = useRoomTitle(room);
  const peer = useApp((s) => (room.kind === "dm" ? s.members[s.dmPeer[room.id] ?? ""] : undefined));
  const last = room.lastMessage;
  const lastSender = useApp((s) => (last ? s.members[last.senderId]?.displayName : undefined));
  const preview = !last ? t("rooms.noMessages") : last.deleted ? t("rooms.deleted") : last.stampId && !last.text ? t("rooms.stamp") : (last.text ?? "");
  const unread = room.unreadCount > 0 ? `${title}, ${t("rooms.unread", { n: room.unreadCount })}` : title;
  const label = room.notificationsMuted ? `${unread}, ${t("rooms.muted")}` : unread;
  return (
    <li>
      <a href={`/rooms/${room.id}`} class={active ? "room-item active" : "room-item"} aria-current={active ? "page" : undefined}
        aria-label={label} data-room-id={room.id}
        onClick={(e) => { e.preventDefault(); navigate(`/rooms/${room.id}`); }}>
        {room.kind === "dm" ? <Avatar member={peer} presence /> : <span class={`room-icon kind-${room.kind}`} aria-hidden="true">{room.kind === "broadcast" ? "📣" : room.kind === "meetup" ? "🍱" : "#"}</span>}
        <span class="room-text">
          <span class="room-name">{title}</span>
          <span class="room-preview">{room.kind !== "dm" && lastSender && last && !last.deleted ? `${lastSender}: ` : ""}{preview}</span>
        </span>
        {room.notificationsMuted && <span class="muted-mark" data-testid="muted-mark" title={t("rooms.muted")} aria-hidden="true">🔕</span>}
        {room.unreadCount > 0 && <span class="badge" data-testid="unread-badge" aria-hidden="true">{room.unreadCount > 99 ? "99+" : room.unreadCount}</span>}
      </a>
    </li>
  );
}

