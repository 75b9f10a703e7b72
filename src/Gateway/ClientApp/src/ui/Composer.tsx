import { useEffect, useRef, useState } from "preact/hooks";
import type { Member, Message } from "../api/types";
import { completeMention, insertMention, mentionAt } from "../text/mentions";
import { completeRoomWide, mayMentionRoom } from "../text/roomWide";
import { useApp, useChat, useT } from "./context";
import { PollComposer } from "./PollComposer";
import { StampPicker } from "./StampPicker";

/** A completion offered after @: a room member, or @all / @here where the member may use them. */
interface MentionOption {
  id: string;
  handle: string;
  label: string;
}

interface Props {
  roomId: string;
  replyTo: Message | null;
  editing: Message | null;
  onDone(): void;
}

const touchFirst = () => window.matchMedia("(pointer: coarse)").matches;

/**
 * Writes a message: Enter sends on a desktop and Shift+Enter breaks the line; an Enter that confirms
 * an IME conversion never sends; on a phone the send button sends. Drafts survive switching rooms.
 */
export function Composer({ roomId, replyTo, editing, onDone }: Props) {
  const chat = useChat();
  const t = useT();
  const draft = useApp((s) => s.drafts[roomId] ?? "");
  const roomMembers = useApp((s) => (s.roomMembers[roomId] ?? []).map((id) => s.members[id]).filter((m): m is Member => !!m));
  const replySender = useApp((s) => (replyTo ? s.members[replyTo.senderId]?.displayName : ""));
  const roomWide = useApp((s) => mayMentionRoom(s.rooms[roomId], s.me));
  const [text, setText] = useState(editing?.text ?? draft);
  const [mention, setMention] = useState<{ start: number; options: MentionOption[]; index: number } | null>(null);
  const [stamps, setStamps] = useState(false);
  const [polling, setPolling] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useEffect(() => {
    setText(editing ? (editing.text ?? "") : draft);
    if (editing || replyTo) input.current?.focus();
  }, [editing, replyTo]);

  function change(value: string) {
    setText(value);
    if (!editing) chat.setDraft(roomId, value);
    if (value) chat.typing(roomId);
    const caret = input.current?.selectionStart ?? value.length;
    const at = mentionAt(value, caret);
    const members = at ? completeMention(roomMembers.filter((m) => m.id !== chat.state.me?.id), at.query) : [];
    const options: MentionOption[] = [
      ...(at && roomWide ? completeRoomWide(at.query).map((handle) => ({ id: `@${handle}`, handle, label: t(`composer.mention.${handle}`) })) : []),
      ...members.map((m) => ({ id: m.id, handle: m.handle, label: m.displayName })),
    ];
    setMention(at && options.length > 0 ? { start: at.start, options, index: 0 } : null);
  }

  function pick(member: MentionOption) {
    if (!mention || !input.current) return;
    const caret = input.current.selectionStart ?? text.length;
    const next = insertMention(text, mention.start, caret, member.handle);
    change(next.text);
    setMention(null);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  }

  function submit() {
    const value = text.trim();
    if (!value) return;
    if (editing) void chat.edit(roomId, editing.seq, value);
    else chat.send(roomId, { text: value, replyToSeq: replyTo?.seq ?? null });
    setText("");
    chat.setDraft(roomId, "");
    setMention(null);
    onDone();
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    // keyCode 229: the key went to the IME (Safari reports the confirming Enter this way).
    const inIme = e.isComposing || composing.current || e.keyCode === 229;
    if (mention && !inIme) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        setMention({ ...mention, index: (mention.index + step + mention.options.length) % mention.options.length });
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(mention.options[mention.index]);
        return;
      }
      if (e.key === "Escape") {
        setMention(null);
        return;
      }
    }
    if (e.key === "Escape" && (editing || replyTo)) onDone();
    if (e.key !== "Enter" || inIme || e.shiftKey || touchFirst()) return;
    e.preventDefault();
    submit();
  }

  return (
    <>
    {polling && <PollComposer roomId={roomId} onDone={() => setPolling(false)} />}
    <form class="composer" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      {(replyTo || editing) && (
        <div class="composer-context">
          <span>{editing ? t("room.editing") : t("room.replyingTo", { name: replySender ?? "" })}</span>
          <button type="button" class="link-button" onClick={onDone}>{t("room.cancel")}</button>
        </div>
      )}
      {mention && (
        <ul class="mention-options" role="listbox" id={`mentions-${roomId}`} aria-label={t("composer.mentions")}>
          {mention.options.map((m, i) => (
            <li key={m.id} role="option" id={`mention-${m.id.replace("@", "")}`} aria-selected={i === mention.index} class={i === mention.index ? "selected" : ""}
              onMouseDown={(e) => { e.preventDefault(); pick(m); }}>
              {m.label} <span class="handle">@{m.handle}</span>
            </li>
          ))}
        </ul>
      )}
      {stamps && <StampPicker onPick={(stampId) => { setStamps(false); chat.send(roomId, { stampId, replyToSeq: replyTo?.seq ?? null }); onDone(); }} />}
      <div class="composer-row">
        {!editing && (
          <button type="button" class="icon-button" aria-expanded={stamps} onClick={() => setStamps(!stamps)} data-testid="stamp-button">
            <span aria-hidden="true">☺</span>
            <span class="visually-hidden">{t("composer.stamps")}</span>
          </button>
        )}
        {!editing && !replyTo && (
          <button type="button" class="icon-button" aria-expanded={polling} onClick={() => setPolling(!polling)} data-testid="poll-button">
            <span aria-hidden="true">📊</span>
            <span class="visually-hidden">{t("poll.create")}</span>
          </button>
        )}
        <label class="visually-hidden" for={`composer-${roomId}`}>{t("composer.label")}</label>
        <textarea id={`composer-${roomId}`} ref={input} rows={1} value={text} placeholder={t("composer.placeholder")} maxLength={4000}
          aria-autocomplete="list" aria-controls={mention ? `mentions-${roomId}` : undefined}
          aria-activedescendant={mention ? `mention-${mention.options[mention.index].id.replace("@", "")}` : undefined}
          onInput={(e) => change((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
          onCompositionStart={() => { composing.current = true; }}
          onCompositionEnd={() => { composing.current = false; }} />
        <button type="submit" class="primary send" disabled={!text.trim()}>{editing ? t("composer.save") : t("composer.send")}</button>
      </div>
    </form>
    </>
  );
}
