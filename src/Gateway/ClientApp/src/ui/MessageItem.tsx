import { useRef, useState } from "preact/hooks";
import type { Message } from "../api/types";
import { togglePin } from "../chat/pins";
import { navigate } from "../chat/router";
import { logOf } from "../chat/state";
import { timeLabel } from "../i18n/dates";
import { Avatar } from "./Avatar";
import { useApp, useChat, useT } from "./context";
import { Reactions, ReactionPicker } from "./Reactions";
import { RichText } from "./Rich";
import { mayPin } from "../state/pins";
import { pollAt } from "../state/polls";
import { PollCard } from "./PollCard";
import { StampImage } from "./StampImage";
import { ThreadSummary } from "./ThreadSummary";

interface Props {
  roomId: string;
  message: Message;
  grouped: boolean;
  onReply(message: Message): void;
  onEdit(message: Message): void;
}

/** One message: sender and time (unless grouped), a reply's quote, text or stamp, reactions, 既読 in DMs, and its actions. */
export function MessageItem({ roomId, message, grouped, onReply, onEdit }: Props) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const sender = useApp((s) => s.members[message.senderId]);
  const room = useApp((s) => s.rooms[roomId]);
  const read = useApp((s) => room?.kind === "dm" && message.senderId === s.me?.id && (s.peerRead[roomId] ?? 0) >= message.seq);
  const quoted = useApp((s) => (message.replyToSeq ? logOf(s, roomId).bySeq.get(message.replyToSeq) : undefined));
  const quotedSender = useApp((s) => (quoted ? s.members[quoted.senderId]?.displayName : undefined));
  const [actions, setActions] = useState(false);
  const [picking, setPicking] = useState(false);
  const press = useRef(0);
  const mine = message.senderId === me?.id;
  const canDelete = mine || me?.role === "secretariat" || room?.myRole === "owner" || room?.myRole === "moderator";
  const pinned = useApp((s) => s.pins[roomId]?.some((p) => p.message.seq === message.seq) ?? false);
  const canPin = mayPin(room?.kind, room?.myRole, me?.role === "secretariat");
  const poll = useApp((s) => pollAt(s.polls, roomId, message.seq));

  if (message.deleted)
    return (
      <li class="message deleted" id={`m-${roomId}-${message.seq}`} data-seq={message.seq}>
        <div class="body"><p class="tombstone">{t("rooms.deleted")}</p><ThreadSummary roomId={roomId} message={message} /></div>
      </li>
    );

  // A long press on a phone opens the actions, as in LINE.
  const onTouchStart = () => { press.current = window.setTimeout(() => setActions(true), 450); };
  const onTouchEnd = () => window.clearTimeout(press.current);

  async function report() {
    const reason = window.prompt(t("room.reportReason"));
    if (!reason?.trim()) return;
    try {
      await chat.http.post("/api/reports", { roomId, seq: message.seq, reason: reason.trim() });
      chat.toast(t("room.reported"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  const quote = quoted ? (quoted.deleted ? t("rooms.deleted") : (quoted.text ?? t("rooms.stamp")).split("\n")[0]) : null;
  return (
    <li class={`message${mine ? " mine" : ""}${grouped ? " grouped" : ""}${actions ? " show-actions" : ""}`} id={`m-${roomId}-${message.seq}`}
      data-seq={message.seq} onTouchStart={onTouchStart} onTouchEnd={onTouchEnd} onTouchMove={onTouchEnd}>
      {!grouped && !mine && <Avatar member={sender} presence />}
      <div class="body">
        {!grouped && (
          <div class="sender">
            {!mine && <span class="name">{sender?.displayName ?? "…"}</span>}
            <time dateTime={message.sentAt}>{timeLabel(message.sentAt, lang)}</time>
          </div>
        )}
        {message.replyToSeq && (
          <button type="button" class="quote" onClick={() => document.getElementById(`m-${roomId}-${message.replyToSeq}`)?.scrollIntoView({ block: "center", behavior: "smooth" })}>
            {quotedSender && <strong>{quotedSender}</strong>} {quote ?? "…"}
          </button>
        )}
        {poll ? (
          <PollCard poll={poll} />
        ) : message.stampId && !message.text ? (
          <StampImage stampId={message.stampId} />
        ) : (
          <div class="bubble" data-testid="message-text"><RichText text={message.text ?? ""} myHandle={me?.handle} /></div>
        )}
        <div class="meta">
          {message.editedAt && <span>{t("room.edited")}</span>}
          {read && <span class="read-receipt" data-testid="read-receipt">{t("room.read")}</span>}
          {pinned && <span class="pinned-mark" data-testid="pinned-mark"><span aria-hidden="true">📌</span>{t("pins.pinned")}</span>}
        </div>
        <Reactions roomId={roomId} message={message} />
        <ThreadSummary roomId={roomId} message={message} />
        <div class="actions" role="group" aria-label={t("room.react")}>
          <button type="button" onClick={() => setPicking(!picking)} aria-expanded={picking}>{t("room.react")}</button>
          <button type="button" onClick={() => onReply(message)}>{t("room.reply")}</button>
          <button type="button" onClick={() => navigate(`/rooms/${roomId}/thread/${message.replyToSeq ?? message.seq}`)}>{t("thread.open")}</button>
          {canPin && <button type="button" onClick={() => void togglePin(chat, roomId, message.seq, pinned)}>{pinned ? t("pins.unpin") : t("pins.pin")}</button>}
          {mine && message.text && <button type="button" onClick={() => onEdit(message)}>{t("room.edit")}</button>}
          {canDelete && <button type="button" onClick={() => { if (window.confirm(t("room.confirmDelete"))) void chat.remove(roomId, message.seq); }}>{t("room.delete")}</button>}
          {!mine && <button type="button" onClick={() => void report()}>{t("room.report")}</button>}
        </div>
        {picking && <ReactionPicker onPick={(key) => { setPicking(false); setActions(false); void chat.toggleReaction(roomId, message.seq, key); }} />}
      </div>
    </li>
  );
}
