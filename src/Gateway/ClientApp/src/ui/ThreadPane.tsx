import { useEffect, useRef, useState } from "preact/hooks";
import type { Message, ThreadPage } from "../api/types";
import { navigate } from "../chat/router";
import { logOf } from "../chat/state";
import { timeLabel } from "../i18n/dates";
import { threadReplies } from "../state/threads";
import { useApp, useChat, useT } from "./context";
import { RichText } from "./Rich";
import { StampImage } from "./StampImage";

const PAGE = 50;

/** A thread beside its room: the message that started it, its replies oldest first (live ones join), and a reply box. */
export function ThreadPane({ roomId, seq }: { roomId: string; seq: number }) {
  const chat = useChat();
  const t = useT();
  const log = useApp((s) => logOf(s, roomId));
  const [root, setRoot] = useState<Message | null>(null);
  const [fetched, setFetched] = useState<Message[]>([]);
  const [next, setNext] = useState<string | null>(null);

  async function load(after: string) {
    try {
      const page = await chat.http.get<ThreadPage>(`/api/rooms/${encodeURIComponent(roomId)}/messages/${seq}/replies?after=${after}&limit=${PAGE}`);
      await chat.history.ensureMembers([page.root.senderId, ...page.items.map((m) => m.senderId)]);
      setRoot(page.root);
      setFetched((known) => [...known, ...page.items]);
      setNext(page.nextCursor);
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => {
    setRoot(null);
    setFetched([]);
    void load("0");
  }, [roomId, seq]);

  const shownRoot = log.bySeq.get(seq) ?? root;
  const replies = threadReplies(seq, fetched, log.bySeq.values());
  return (
    <section class="thread-pane" aria-labelledby="thread-title">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate(`/rooms/${roomId}`)}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title" id="thread-title">{t("thread.title")}</h2>
      </header>
      {shownRoot && <ol class="thread-root"><ThreadMessage message={shownRoot} /></ol>}
      <ol class="thread-replies" data-testid="thread-replies">
        {replies.map((m) => <ThreadMessage key={m.seq} message={m} />)}
      </ol>
      {shownRoot && replies.length === 0 && <p class="empty">{t("thread.empty")}</p>}
      {next && <button type="button" class="link-button" onClick={() => void load(next)}>{t("thread.loadMore")}</button>}
      {shownRoot?.deleted ? <p class="composer-note">{t("thread.closed")}</p> : <ThreadComposer roomId={roomId} seq={seq} />}
    </section>
  );
}

function ThreadMessage({ message }: { message: Message }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const sender = useApp((s) => s.members[message.senderId]);
  return (
    <li class={`thread-message${message.deleted ? " deleted" : ""}`} data-seq={message.seq}>
      <div class="sender">
        <span class="name">{sender?.displayName ?? "…"}</span> <time dateTime={message.sentAt}>{timeLabel(message.sentAt, lang)}</time>
      </div>
      {message.deleted ? <p class="tombstone">{t("rooms.deleted")}</p>
        : message.stampId && !message.text ? <StampImage stampId={message.stampId} />
        : <div class="bubble" data-testid="thread-text"><RichText text={message.text ?? ""} myHandle={me?.handle} /></div>}
    </li>
  );
}

/** The thread's reply box: Enter sends on a desktop (never the Enter that confirms an IME conversion), Shift+Enter breaks the line. */
function ThreadComposer({ roomId, seq }: { roomId: string; seq: number }) {
  const chat = useChat();
  const t = useT();
  const [text, setText] = useState("");
  const composing = useRef(false);

  function submit() {
    const value = text.trim();
    if (!value) return;
    chat.send(roomId, { text: value, replyToSeq: seq });
    setText("");
  }

  function onKeyDown(e: KeyboardEvent) {
    const inIme = e.isComposing || composing.current || e.keyCode === 229;
    if (e.key !== "Enter" || inIme || e.shiftKey || window.matchMedia("(pointer: coarse)").matches) return;
    e.preventDefault();
    submit();
  }

  return (
    <form class="thread-composer" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <div class="composer-row">
        <label class="visually-hidden" for={`thread-composer-${roomId}-${seq}`}>{t("thread.label")}</label>
        <textarea id={`thread-composer-${roomId}-${seq}`} rows={1} value={text} placeholder={t("thread.placeholder")} maxLength={4000}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} onKeyDown={onKeyDown}
          onCompositionStart={() => { composing.current = true; }} onCompositionEnd={() => { composing.current = false; }} />
        <button type="submit" class="primary send" disabled={!text.trim()}>{t("thread.send")}</button>
      </div>
    </form>
  );
}
