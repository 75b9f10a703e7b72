import { useEffect, useState } from "preact/hooks";
import type { Message } from "../api/types";
import { loadPins } from "../chat/pins";
import { loadPolls } from "../chat/polls";
import { navigate, router } from "../chat/router";
import { useSelect } from "../state/store";
import { Composer } from "./Composer";
import { useApp, useChat, useT } from "./context";
import { MessageList } from "./MessageList";
import { NotificationToggle } from "./NotificationToggle";
import { NoticeBar } from "./NoticeBar";
import { useRoomTitle } from "./roomTitle";
import { TypingLine } from "./TypingLine";

/** One conversation: its header, its messages (opening where the reader left off) and the composer. */
export function Conversation({ roomId }: { roomId: string }) {
  const chat = useChat();
  const t = useT();
  const room = useApp((s) => s.rooms[roomId]);
  const title = useRoomTitle(room);
  // A search hit opens the room at its message (`?seq=`).
  const focusSeq = useSelect(router, (r) => Number(r.params.get("seq")) || null);
  const [unreadFrom, setUnreadFrom] = useState<number | null>(null);
  const [notMember, setNotMember] = useState<{ name: string; topic: string } | null>(null);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [editing, setEditing] = useState<Message | null>(null);
  const pinCount = useApp((s) => s.pins[roomId]?.length ?? 0);

  useEffect(() => {
    let live = true;
    chat.openRoom(roomId).then(
      (from) => live && setUnreadFrom(from),
      (error) => live && chat.toastError(error),
    );
    return () => {
      live = false;
      chat.closeRoom(roomId);
    };
  }, [roomId]);

  useEffect(() => {
    if (room && !room.myRole) setNotMember({ name: room.name, topic: room.topic });
    else setNotMember(null);
    // The pins drive the message menu's pin/unpin and the header's count.
    if (room?.myRole) loadPins(chat, roomId).catch(() => {});
    if (room?.myRole) loadPolls(chat, roomId).catch(() => {});
  }, [room?.myRole]);

  async function join() {
    try {
      await chat.http.post(`/api/rooms/${encodeURIComponent(roomId)}/join`);
      await chat.history.loadRoom(roomId);
      setUnreadFrom(await chat.openRoom(roomId));
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <div class="pane-title">
          <h2 id="conversation-title">{title || notMember?.name || "…"}</h2>
          {room?.topic && <p class="topic">{room.topic}</p>}
        </div>
        {room?.myRole && <NotificationToggle room={room} />}
        {room?.myRole && pinCount > 0 && (
          <a class="button pins-link" href={`/rooms/${roomId}/pins`} onClick={(e) => { e.preventDefault(); navigate(`/rooms/${roomId}/pins`); }}>
            <span aria-hidden="true">📌 </span>{t("pins.count", { n: pinCount })}
          </a>
        )}
        {room?.myRole && room.kind !== "broadcast" && (
          <a class="button" href={`/rooms/${roomId}/details`} onClick={(e) => { e.preventDefault(); navigate(`/rooms/${roomId}/details`); }}>
            {t("room.details")}
          </a>
        )}
      </header>
      {room && !notMember && <NoticeBar room={room} />}
      {notMember ? (
        <div class="not-member">
          <p>{t("room.notMember")}</p>
          <button type="button" class="primary" onClick={() => void join()}>{t("room.join")}</button>
        </div>
      ) : (
        <>
          <MessageList roomId={roomId} unreadFrom={unreadFrom} focusSeq={focusSeq} onReply={(m) => { setEditing(null); setReplyTo(m); }} onEdit={(m) => { setReplyTo(null); setEditing(m); }} />
          <TypingLine roomId={roomId} />
          {room?.kind === "broadcast" && chat.state.me?.role !== "secretariat" && !replyTo ? (
            <p class="composer-note">{t("room.broadcastReadOnly")}</p>
          ) : (
            <Composer roomId={roomId} replyTo={replyTo} editing={editing} onDone={() => { setReplyTo(null); setEditing(null); }} />
          )}
        </>
      )}
    </section>
  );
}
