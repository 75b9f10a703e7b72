import type { Message } from "../api/types";
import { navigate } from "../chat/router";
import { timeLabel } from "../i18n/dates";
import { useApp, useT } from "./context";

/** "N replies · last reply at …" under a message that has a thread; opens the thread beside the room. */
export function ThreadSummary({ roomId, message }: { roomId: string; message: Message }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const count = message.replyCount ?? 0;
  if (count === 0) return null;
  const href = `/rooms/${roomId}/thread/${message.seq}`;
  return (
    <a class="thread-summary" href={href} data-testid="thread-summary" onClick={(e) => { e.preventDefault(); navigate(href); }}>
      <strong>{t("thread.replies", { n: count })}</strong>
      {message.lastReplyAt && <span> · {t("thread.lastReply", { time: timeLabel(message.lastReplyAt, lang) })}</span>}
    </a>
  );
}
