import { useEffect, useState } from "preact/hooks";
import type { Room } from "../api/types";
import { dateTimeLabel } from "../i18n/dates";
import { useApp, useChat, useT } from "./context";
import { RichText } from "./Rich";

const NOTICE_MAX = 500;

/** The room's notice at the top of a talk room or meetup room; its owner, moderators and the secretariat set and clear it here. */
export function NoticeBar({ room }: { room: Room }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const notice = room.notice ?? null;
  const setter = useApp((s) => (notice ? s.members[notice.setBy]?.displayName : undefined));
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const canEdit = (room.kind === "room" || room.kind === "meetup")
    && (me?.role === "secretariat" || room.myRole === "owner" || room.myRole === "moderator");
  const path = `/api/rooms/${encodeURIComponent(room.id)}/notice`;

  useEffect(() => {
    if (notice) void chat.history.ensureMembers([notice.setBy]);
  }, [notice?.setBy]);

  async function save(e: Event) {
    e.preventDefault();
    try {
      const updated = await chat.http.put<Room>(path, { text });
      chat.store.update((s) => ({ rooms: { ...s.rooms, [updated.id]: updated } }));
      setEditing(false);
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function clear() {
    try {
      const updated = await chat.http.delete<Room>(path);
      chat.store.update((s) => ({ rooms: { ...s.rooms, [updated.id]: updated } }));
    } catch (error) {
      chat.toastError(error);
    }
  }

  if (editing)
    return (
      <form class="notice-bar editing" onSubmit={(e) => void save(e)}>
        <label for={`notice-${room.id}`}>{t("notice.label")}</label>
        <textarea id={`notice-${room.id}`} rows={3} maxLength={NOTICE_MAX} value={text} aria-describedby={`notice-hint-${room.id}`}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <p class="hint" id={`notice-hint-${room.id}`}>{t("notice.hint")}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={!text.trim()}>{t("notice.save")}</button>
          <button type="button" onClick={() => setEditing(false)}>{t("room.cancel")}</button>
        </div>
      </form>
    );
  if (!notice)
    return canEdit ? (
      <div class="notice-bar empty">
        <button type="button" class="link-button" onClick={() => { setText(""); setEditing(true); }}>{t("notice.set")}</button>
      </div>
    ) : null;
  return (
    <section class="notice-bar" aria-label={t("notice.label")} data-testid="notice">
      <span class="notice-icon" aria-hidden="true">📢</span>
      <div class="notice-body">
        <div class="notice-text"><RichText text={notice.text} myHandle={me?.handle} /></div>
        <p class="notice-meta">{t("notice.by", { name: setter ?? "…", time: dateTimeLabel(notice.setAt, lang) })}</p>
      </div>
      {canEdit && (
        <div class="actions">
          <button type="button" onClick={() => { setText(notice.text); setEditing(true); }}>{t("notice.edit")}</button>
          <button type="button" onClick={() => void clear()}>{t("notice.clear")}</button>
        </div>
      )}
    </section>
  );
}
