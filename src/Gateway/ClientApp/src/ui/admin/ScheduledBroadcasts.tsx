import { useEffect, useState } from "preact/hooks";
import { dateTimeLabel } from "../../i18n/dates";
import { useApp, useChat, useT } from "../context";
import { fromLocalInput, localInputValue } from "./scheduledTime";

/** A broadcast waiting for its time, as `GET /api/admin/broadcasts/scheduled` lists it. */
export interface ScheduledBroadcast {
  id: string;
  text: string;
  sendAt: string;
  authorId: string;
  createdAt: string;
  updatedAt: string | null;
}

export const scheduledPath = "/api/admin/broadcasts/scheduled";

/**
 * The news waiting for its time, the earliest first, each with edit and cancel. Reloads when
 * <paramref name="version"/> changes: after scheduling one, and when one of them was posted.
 */
export function ScheduledBroadcasts({ version }: { version: string }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [items, setItems] = useState<ScheduledBroadcast[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  function load() {
    chat.http.get<{ items: ScheduledBroadcast[] }>(scheduledPath).then((r) => setItems(r.items), (e) => chat.toastError(e));
  }

  useEffect(load, [version]);

  async function cancel(item: ScheduledBroadcast) {
    if (!confirm(t("admin.scheduledConfirmCancel"))) return;
    try {
      await chat.http.delete(`${scheduledPath}/${encodeURIComponent(item.id)}`);
    } catch (e) {
      chat.toastError(e);
    }
    load();
  }

  if (items === null) return null;
  return (
    <section class="stack scheduled-broadcasts" aria-label={t("admin.scheduled")}>
      <h3>{t("admin.scheduled")}</h3>
      {items.length === 0 && <p class="muted">{t("admin.scheduledNone")}</p>}
      <ul class="broadcasts">
        {items.map((item) => (
          <li key={item.id} data-testid="scheduled-broadcast">
            {editing === item.id ? (
              <ScheduledEdit item={item} onDone={() => { setEditing(null); load(); }} />
            ) : (
              <>
                <p class="bubble">{item.text}</p>
                <p class="muted">{t("admin.scheduledAt", { at: dateTimeLabel(item.sendAt, lang) })}</p>
                <div class="actions">
                  <button type="button" onClick={() => setEditing(item.id)}>{t("admin.scheduledEdit")}</button>
                  <button type="button" onClick={() => void cancel(item)}>{t("admin.scheduledCancel")}</button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScheduledEdit({ item, onDone }: { item: ScheduledBroadcast; onDone: () => void }) {
  const chat = useChat();
  const t = useT();
  const [text, setText] = useState(item.text);
  const [at, setAt] = useState(localInputValue(new Date(item.sendAt)));

  async function save(e: Event) {
    e.preventDefault();
    const sendAt = fromLocalInput(at);
    const changed = { text: text.trim() === item.text ? undefined : text.trim(), sendAt: sendAt === localIso(item.sendAt) ? undefined : sendAt ?? undefined };
    try {
      if (changed.text !== undefined || changed.sendAt !== undefined) await chat.http.put(`${scheduledPath}/${encodeURIComponent(item.id)}`, changed);
      onDone();
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <form class="stack" onSubmit={save}>
      <label for={`scheduled-text-${item.id}`}>{t("admin.broadcastText")}</label>
      <textarea id={`scheduled-text-${item.id}`} rows={3} maxLength={4000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for={`scheduled-at-${item.id}`}>{t("admin.scheduleAt")}</label>
      <input id={`scheduled-at-${item.id}`} type="datetime-local" value={at} onInput={(e) => setAt((e.currentTarget as HTMLInputElement).value)} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!text.trim() || !fromLocalInput(at)}>{t("admin.scheduledSave")}</button>
        <button type="button" onClick={onDone}>{t("admin.scheduledCancelEdit")}</button>
      </div>
    </form>
  );
}

/** The instant as the edit form shows it (to the minute), so an untouched time is not sent as a change. */
function localIso(iso: string): string | null {
  return fromLocalInput(localInputValue(new Date(iso)));
}
