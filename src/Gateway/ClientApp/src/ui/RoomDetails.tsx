import { useEffect, useState } from "preact/hooks";
import type { RoomMember } from "../api/types";
import { navigate } from "../chat/router";
import { Avatar } from "./Avatar";
import { useApp, useChat, useT, useWatchPresence } from "./context";
import { Meetups } from "./Meetups";
import { useRoomTitle } from "./roomTitle";

/** The right column for a room: its members (with presence), its meetups, and leaving it. */
export function RoomDetails({ roomId }: { roomId: string }) {
  const chat = useChat();
  const t = useT();
  const room = useApp((s) => s.rooms[roomId]);
  const title = useRoomTitle(room);
  const presence = useApp((s) => s.members);
  const [members, setMembers] = useState<RoomMember[]>([]);
  useWatchPresence(members.map((m) => m.member.id));

  useEffect(() => {
    chat.history.loadRoomMembers(roomId).then(setMembers, (e) => chat.toastError(e));
  }, [roomId]);

  async function leave() {
    try {
      await chat.http.post(`/api/rooms/${encodeURIComponent(roomId)}/leave`);
      await chat.history.loadRooms();
      navigate("/");
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="room-details">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate(`/rooms/${roomId}`)}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{title}</h2>
      </header>
      {room?.topic && <p class="topic">{room.topic}</p>}
      {room && (room.kind === "meetup" || room.kind === "room") && <Meetups room={room} />}
      <h3>{t("room.members", { n: members.length })}</h3>
      <ul class="member-list">
        {members.map(({ member, role }) => (
          <li key={member.id}>
            <a href={`/directory/${member.id}`} onClick={(e) => { e.preventDefault(); navigate(`/directory/${member.id}`); }}>
              <Avatar member={presence[member.id] ?? member} presence />
              <span>{member.displayName}</span>
              <span class="visually-hidden">{(presence[member.id] ?? member).online ? t("room.online") : t("room.offline")}</span>
              {(role === "owner" || role === "moderator") && <span class="role">{t(`room.${role}`)}</span>}
            </a>
          </li>
        ))}
      </ul>
      {room?.kind === "room" || room?.kind === "meetup" ? (
        <button type="button" class="danger" onClick={() => void leave()}>{t("room.leave")}</button>
      ) : null}
    </section>
  );
}
