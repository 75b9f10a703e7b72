import { useState } from "preact/hooks";
import { createPoll } from "../chat/polls";
import { useChat, useT } from "./context";
import { Field } from "./Field";

const MAX_OPTIONS = 10;

/** The composer's poll form: a question, 2–10 choices, one or several answers, named or anonymous, an optional closing time. */
export function PollComposer({ roomId, onDone }: { roomId: string; onDone(): void }) {
  const chat = useChat();
  const t = useT();
  const [options, setOptions] = useState(["", ""]);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const closes = String(form.get("closesAt") ?? "");
    setBusy(true);
    try {
      await createPoll(chat, roomId, {
        question: String(form.get("question") ?? "").trim(),
        options: options.map((o) => o.trim()).filter(Boolean),
        multiple: form.get("multiple") === "on",
        anonymous: form.get("anonymous") === "on",
        closesAt: closes ? new Date(closes).toISOString() : null,
      });
      onDone();
    } catch (error) {
      chat.toastError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="poll-composer stack" onSubmit={submit} aria-label={t("poll.create")}>
      <Field label={t("poll.question")} name="question" required maxLength={300} />
      {options.map((o, i) => (
        <Field key={i} label={t("poll.option", { n: i + 1 })} name={`option-${i}`} value={o} maxLength={100} required={i < 2}
          onInput={(e) => setOptions(options.map((v, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : v)))} />
      ))}
      {options.length < MAX_OPTIONS && <button type="button" class="link-button" onClick={() => setOptions([...options, ""])}>{t("poll.addOption")}</button>}
      <label class="check"><input type="checkbox" name="multiple" /> {t("poll.multiple")}</label>
      <label class="check"><input type="checkbox" name="anonymous" /> {t("poll.anonymousToggle")}</label>
      <Field label={t("poll.closesAtLabel")} hint={t("poll.closesAtHint")} name="closesAt" type="datetime-local" />
      <div class="poll-actions">
        <button type="submit" class="primary" disabled={busy}>{t("poll.post")}</button>
        <button type="button" onClick={onDone}>{t("room.cancel")}</button>
      </div>
    </form>
  );
}
