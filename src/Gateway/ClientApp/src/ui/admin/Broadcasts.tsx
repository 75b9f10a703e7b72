import { useEffect, useState } from "preact/hooks";
import type { BroadcastReach } from "../../api/types";
import { logOf } from "../../chat/state";
import { dateTimeLabel } from "../../i18n/dates";
import { messagesOf } from "../../state/log";
import { useApp, useChat, useT } from "../context";
import { useBroadcastMail } from "./broadcastMail";
import { ScheduledBroadcasts, scheduledPath } from "./ScheduledBroadcasts";
import { fromLocalInput } from "./scheduledTime";

/** The broadcast composer (now, or at a set time), the news waiting for its time, and each recent post's reach: read and reacted out of all members. */
export function Broadcasts() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me?.id);
  const posts = useApp((s) => messagesOf(logOf(s, "broadcast")).filter((m) => !m.replyToSeq && !m.deleted && m.senderId === me).reverse().slice(0, 20));
  const [text, setText] = useState("");
  const [reach, setReach] = useState<Record<number, BroadcastReach>>({});
  const [scheduling, setScheduling] = useState(false);
  const [sendAt, setSendAt] = useState("");
  const [scheduledVersion, setScheduledVersion] = useState(0);
  const [alsoByMail, setAlsoByMail] = useState(false);
  const mail = useBroadcastMail(posts);
  const scheduleAt = scheduling ? fromLocalInput(sendAt) : null;

  useEffect(() => {
    void chat.openRoom("broadcast").catch((e) => chat.toastError(e));
    return () => chat.closeRoom("broadcast");
  }, []);

  useEffect(() => {
    for (const post of posts)
      if (!reach[post.seq])
        chat.http.get<BroadcastReach>(`/api/admin/broadcasts/${post.seq}/reach`).then((r) => setReach((all) => ({ ...all, [post.seq]: r })), () => {});
  }, [posts.map((p) => p.seq).join(",")]);

  async function send(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    if (!scheduling) {
      const clientMsgId = chat.send("broadcast", { text: text.trim() });
      if (alsoByMail && mail.mailOn) mail.mailWhenPosted(clientMsgId);
      setText("");
      setAlsoByMail(false);
      return;
    }
    if (!scheduleAt) return;
    try {
      await chat.http.post(scheduledPath, { text: text.trim(), sendAt: scheduleAt });
      chat.toast(t("admin.scheduledDone", { at: dateTimeLabel(scheduleAt, lang) }));
      setText("");
      setSendAt("");
      setScheduling(false);
      setScheduledVersion((v) => v + 1);
    } catch (error) {
      chat.toastError(error);
    }
  }

  return (
    <div class="stack">
      <form onSubmit={send} class="stack">
        <label for="broadcast-text">{t("admin.broadcastText")}</label>
        <textarea id="broadcast-text" rows={4} maxLength={4000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <label class="check-option">
          <input type="checkbox" checked={scheduling} onChange={(e) => setScheduling((e.currentTarget as HTMLInputElement).checked)} /> {t("admin.scheduleToggle")}
        </label>
        {!scheduling && mail.mailOn && (
          <label class="check-option">
            <input type="checkbox" checked={alsoByMail} onChange={(e) => setAlsoByMail((e.currentTarget as HTMLInputElement).checked)} /> {t("admin.alsoByMail")}
          </label>
        )}
        {scheduling && (
          <>
            <label for="broadcast-send-at">{t("admin.scheduleAt")}</label>
            <input id="broadcast-send-at" type="datetime-local" value={sendAt} onInput={(e) => setSendAt((e.currentTarget as HTMLInputElement).value)} />
          </>
        )}
        <button type="submit" class="primary" disabled={!text.trim() || (scheduling && !scheduleAt)}>
          {t(scheduling ? "admin.scheduleSend" : "admin.broadcastSend")}
        </button>
      </form>
      {/* A post of mine that arrives may be one that was waiting: the list is read again. */}
      <ScheduledBroadcasts version={`${scheduledVersion}:${posts[0]?.seq ?? 0}`} />
      <ul class="broadcasts">
        {posts.map((post) => (
          <li key={post.seq}>
            <p class="bubble">{post.text}</p>
            <p class="muted">
              {dateTimeLabel(post.sentAt, lang)}
              {reach[post.seq] && <> · {t("admin.reach", { ...reach[post.seq] })}</>}
            </p>
            {mail.mailOn && (
              <button type="button" onClick={() => void mail.sendByMail(post.seq)}>
                {t("admin.sendByMail")}
              </button>
            )}
            {reach[post.seq] && <meter min={0} max={Math.max(1, reach[post.seq].members)} value={reach[post.seq].read} aria-label={t("admin.reach", { ...reach[post.seq] })} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
