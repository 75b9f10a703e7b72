import { useEffect, useState } from "preact/hooks";
import type { BroadcastReach } from "../../api/types";
import { logOf } from "../../chat/state";
import { dateTimeLabel } from "../../i18n/dates";
import { messagesOf } from "../../state/log";
import { useApp, useChat, useT } from "../context";

/** The broadcast composer, and each recent post's reach: read and reacted out of all members. */
export function Broadcasts() {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me?.id);
  const posts = useApp((s) => messagesOf(logOf(s, "broadcast")).filter((m) => !m.replyToSeq && !m.deleted && m.senderId === me).reverse().slice(0, 20));
  const [text, setText] = useState("");
  const [reach, setReach] = useState<Record<number, BroadcastReach>>({});

  useEffect(() => {
    void chat.openRoom("broadcast").catch((e) => chat.toastError(e));
    return () => chat.closeRoom("broadcast");
  }, []);

  useEffect(() => {
    for (const post of posts)
      if (!reach[post.seq])
        chat.http.get<BroadcastReach>(`/api/admin/broadcasts/${post.seq}/reach`).then((r) => setReach((all) => ({ ...all, [post.seq]: r })), () => {});
  }, [posts.map((p) => p.seq).join(",")]);

  function send(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    chat.send("broadcast", { text: text.trim() });
    setText("");
  }

  return (
    <div class="stack">
      <form onSubmit={send} class="stack">
        <label for="broadcast-text">{t("admin.broadcastText")}</label>
        <textarea id="broadcast-text" rows={4} maxLength={4000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <button type="submit" class="primary" disabled={!text.trim()}>{t("admin.broadcastSend")}</button>
      </form>
      <ul class="broadcasts">
        {posts.map((post) => (
          <li key={post.seq}>
            <p class="bubble">{post.text}</p>
            <p class="muted">
              {dateTimeLabel(post.sentAt, lang)}
              {reach[post.seq] && <> · {t("admin.reach", { ...reach[post.seq] })}</>}
            </p>
            {reach[post.seq] && <meter min={0} max={Math.max(1, reach[post.seq].members)} value={reach[post.seq].read} aria-label={t("admin.reach", { ...reach[post.seq] })} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
