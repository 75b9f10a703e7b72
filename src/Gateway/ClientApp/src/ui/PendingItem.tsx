import type { PendingSend } from "../state/outbox";
import { useChat, useT } from "./context";
import { RichText } from "./Rich";
import { StampImage } from "./StampImage";

/** A message the member wrote that is waiting to go out (or was refused, with retry and discard). */
export function PendingItem({ send }: { send: PendingSend }) {
  const chat = useChat();
  const t = useT();
  return (
    <li class={send.failed ? "message mine pending failed" : "message mine pending"} data-client-msg-id={send.clientMsgId}>
      <div class="body">
        {send.stampId ? <StampImage stampId={send.stampId} /> : <div class="bubble"><RichText text={send.text ?? ""} /></div>}
        <div class="meta">
          {send.failed ? (
            <>
              <span class="error" role="alert">{t("room.sendFailed")}</span>
              <button type="button" class="link-button" onClick={() => chat.retrySend(send.clientMsgId)}>{t("room.retry")}</button>
              <button type="button" class="link-button" onClick={() => chat.discardSend(send.clientMsgId)}>{t("room.discard")}</button>
            </>
          ) : (
            <span>{t("room.sending")}</span>
          )}
        </div>
      </div>
    </li>
  );
}
