import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Message } from "../api/types";
import { logOf } from "../chat/state";
import { dayKey, dayLabel, sameGroup } from "../i18n/dates";
import { messagesOf } from "../state/log";
import { useApp, useChat, useT } from "./context";
import { MessageItem } from "./MessageItem";
import { PendingItem } from "./PendingItem";
import { loadBackTo, showFocused } from "./focusMessage";

interface Props {
  roomId: string;
  /** The seq the reader had read when the room opened; the "unread from here" line goes after it. */
  unreadFrom: number | null;
  /** A message to open at instead (a search hit): older pages load until it is there, then it is shown and marked. */
  focusSeq?: number | null;
  onReply(message: Message): void;
  onEdit(message: Message): void;
}

/** The messages: day separators, grouping by sender, older ones loaded on scrolling up, the newest kept in view. */
export function MessageList({ roomId, unreadFrom, focusSeq, onReply, onEdit }: Props) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const log = useApp((s) => logOf(s, roomId));
  const pending = useApp((s) => s.outbox.filter((p) => p.roomId === roomId));
  const roomLoaded = useApp((s) => !!s.rooms[roomId]);
  const messages = messagesOf(log);
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const atBottom = useRef(true);
  const positioned = useRef(false);
  const [loadingOlder, setLoadingOlder] = useState(false);

  // Older messages arrive above: keep what the reader was looking at where it was.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (anchor.current) {
      el.scrollTop = anchor.current.top + (el.scrollHeight - anchor.current.height);
      anchor.current = null;
    } else if (!positioned.current && focusSeq && unreadFrom !== null) {
      if (showFocused(el, roomId, focusSeq)) {
        positioned.current = true;
        atBottom.current = false;
      } else if (log.complete) positioned.current = true;
    } else if (!positioned.current && messages.length > 0 && unreadFrom !== null) {
      positioned.current = true;
      const marker = el.querySelector(".unread-marker");
      if (marker) marker.scrollIntoView({ block: "start" });
      else el.scrollTop = el.scrollHeight;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  });

  useEffect(() => {
    if (focusSeq && unreadFrom !== null) void loadBackTo(chat, roomId, focusSeq).catch((error) => chat.toastError(error));
  }, [roomId, focusSeq, unreadFrom !== null]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || log.complete) return;
    const observer = new IntersectionObserver(async ([entry]) => {
      if (!entry.isIntersecting || loadingOlder || !positioned.current) return;
      const box = scroller.current;
      if (box) anchor.current = { height: box.scrollHeight, top: box.scrollTop };
      setLoadingOlder(true);
      try {
        await chat.history.loadOlder(roomId);
      } catch (error) {
        chat.toastError(error);
      } finally {
        setLoadingOlder(false);
      }
    }, { root: scroller.current, rootMargin: "200px 0px 0px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [roomId, log.complete, log.oldest, loadingOlder]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (atBottom.current) chat.markActiveRead();
  };

  const items = [];
  let previous: Message | null = null;
  for (const message of messages) {
    if (!previous || dayKey(previous.sentAt) !== dayKey(message.sentAt))
      items.push(<li key={`d${message.seq}`} class="day"><span>{dayLabel(message.sentAt, lang)}</span></li>);
    if (unreadFrom !== null && unreadFrom > 0 && message.seq === unreadFrom + 1)
      items.push(<li key="unread" class="unread-marker"><span>{t("room.unreadFromHere")}</span></li>);
    const grouped = !!previous && previous.senderId === message.senderId && !previous.deleted && sameGroup(previous.sentAt, message.sentAt)
      && dayKey(previous.sentAt) === dayKey(message.sentAt) && !message.replyToSeq;
    items.push(<MessageItem key={message.seq} roomId={roomId} message={message} grouped={grouped} onReply={onReply} onEdit={onEdit} />);
    previous = message;
  }

  return (
    <div class="messages" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label={t("room.messages")}>
      <div ref={sentinel} class="sentinel" />
      {log.complete || (roomLoaded && messages.length === 0 && pending.length === 0) ? (
        <p class="beginning">{messages.length === 0 ? t("room.empty") : t("room.beginning")}</p>
      ) : (
        <button type="button" class="link-button load-older" onClick={() => void chat.history.loadOlder(roomId)}>{t("room.loadOlder")}</button>
      )}
      <ol class="message-list" data-testid="messages">
        {items}
        {pending.map((p) => <PendingItem key={p.clientMsgId} send={p} />)}
      </ol>
    </div>
  );
}
