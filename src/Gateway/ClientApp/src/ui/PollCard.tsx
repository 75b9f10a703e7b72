import { useEffect, useState } from "preact/hooks";
import type { Poll } from "../api/types";
import { closePoll, vote } from "../chat/polls";
import { timeLabel } from "../i18n/dates";
import { share } from "../state/polls";
import { useApp, useChat, useT } from "./context";

/** A poll in the timeline: its choices with live counts, my vote (changeable until it closes), who chose what in a named poll. */
export function PollCard({ poll }: { poll: Poll }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const room = useApp((s) => s.rooms[poll.roomId]);
  const members = useApp((s) => s.members);
  const [picked, setPicked] = useState<number[]>(poll.myChoices ?? []);
  useEffect(() => setPicked(poll.myChoices ?? []), [poll.myChoices?.join(",")]);
  useEffect(() => {
    if (!poll.anonymous) void chat.history.ensureMembers(poll.options.flatMap((o) => o.voters ?? []));
  }, [poll.voterCount]);

  const voted = (poll.myChoices?.length ?? 0) > 0;
  const changed = picked.join(",") !== (poll.myChoices ?? []).join(",");
  const canClose = !poll.closed && (poll.createdBy === me?.id || me?.role === "secretariat" || room?.myRole === "owner" || room?.myRole === "moderator");

  function toggle(i: number) {
    if (poll.closed) return;
    setPicked(poll.multiple ? (picked.includes(i) ? picked.filter((c) => c !== i) : [...picked, i].sort()) : [i]);
  }

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await vote(chat, poll, picked);
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function close() {
    if (!window.confirm(t("poll.confirmClose"))) return;
    try {
      await closePoll(chat, poll);
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <form class="poll-card" data-testid="poll-card" data-poll={poll.id} onSubmit={submit}>
      <fieldset disabled={poll.closed}>
        <legend class="poll-question"><span aria-hidden="true">📊 </span>{poll.question}</legend>
        <ul class="poll-options">
          {poll.options.map((o, i) => (
            <li key={i} class="poll-option">
              <label>
                <input type={poll.multiple ? "checkbox" : "radio"} name={`poll-${poll.id}`} checked={picked.includes(i)} onChange={() => toggle(i)} />
                <span class="poll-text">{o.text}</span>
                <span class="poll-count" data-testid="poll-count">{t("poll.votes", { n: o.count })}</span>
              </label>
              <span class="poll-bar" style={{ width: `${share(o.count, poll.voterCount)}%` }} aria-hidden="true" />
              {!poll.anonymous && (o.voters?.length ?? 0) > 0 && (
                <span class="poll-voters muted">{o.voters!.map((id) => members[id]?.displayName ?? "…").join("、")}</span>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="poll-meta muted">
        {t(poll.anonymous ? "poll.anonymous" : "poll.named")}
        {" · "}{t("poll.voters", { n: poll.voterCount })}
        {poll.closed ? <> · <strong>{t("poll.closed")}</strong></> : poll.closesAt && <> · {t("poll.closesAt", { time: timeLabel(poll.closesAt, lang) })}</>}
      </p>
      {!poll.closed && (
        <div class="poll-actions">
          <button type="submit" class="primary" disabled={picked.length === 0 || !changed}>{voted ? t("poll.change") : t("poll.vote")}</button>
          {canClose && <button type="button" onClick={() => void close()}>{t("poll.close")}</button>}
        </div>
      )}
    </form>
  );
}
