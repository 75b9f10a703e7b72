import { useEffect, useState } from "preact/hooks";
import type { BroadcastMail, MailSettings, Message } from "../../api/types";
import { useChat, useT } from "../context";

/**
 * Sending news by e-mail as well: at once for a post already made, or as soon as a post being sent (by its
 * clientMsgId) is in the channel. `mailOn` says whether the server sends e-mail at all.
 */
export function useBroadcastMail(posts: Message[]) {
  const chat = useChat();
  const t = useT();
  const [mailOn, setMailOn] = useState(false);
  const [waiting, setWaiting] = useState<string[]>([]);

  useEffect(() => {
    chat.http.get<MailSettings>("/api/me/mail").then((s) => setMailOn(s.mailOn), () => {});
  }, []);

  async function sendByMail(seq: number): Promise<void> {
    try {
      const sent = await chat.http.post<BroadcastMail>(`/api/admin/broadcasts/${seq}/email`);
      chat.toast(t("admin.mailQueued", { count: sent.recipients }));
    } catch (error) {
      chat.toastError(error);
    }
  }

  useEffect(() => {
    const posted = posts.filter((p) => waiting.includes(p.clientMsgId));
    if (posted.length === 0) return;
    setWaiting((w) => w.filter((id) => !posted.some((p) => p.clientMsgId === id)));
    for (const post of posted) void sendByMail(post.seq);
  }, [posts, waiting]);

  return { mailOn, sendByMail, mailWhenPosted: (clientMsgId: string) => setWaiting((w) => [...w, clientMsgId]) };
}
