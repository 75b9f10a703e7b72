import { useEffect } from "preact/hooks";
import type { PinnedMessage } from "../api/types";
import { loadPins, togglePin } from "../chat/pins";
import { navigate } from "../chat/router";
import { dateTimeLabel } from "../i18n/dates";
import { mayPin } from "../state/pins";
import { useApp, useChat, useT } from "./context";
import { RichText } from "./Rich";

/** A room's pinned messages beside it, newest pin first: who pinned each and when, a way to the message, and unpinning for those allowed. */
export function PinsPane({ roomId }: { roomId: string }) {
  const chat = useChat();
  const t = useT();
  const pins = useApp((s) => s.pins[roomId]);
  const room = useApp((s) => s.rooms[roomId]);
  const me = useApp((s) => s.me);
  const canPin = mayPin(room?.kind, room?.myRole, me?.role === "secretariat");

  useEffect(() => {
    loadPins(chat, roomId).catch((e) => chat.toastError(e));
  }, [roomId]);

  useEffect(() => {
    if (pins) void chat.history.ensureMembers(pins.flatMap((p) => [p.pinnedBy, p.message.senderId]));
  }, [pins]);

  return (
    <section class="pins-pane" aria-labelledby="pins-title">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate(`/rooms/${roomId}`)}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title" id="pins-title">{t("pins.title")}</h2>
      </header>
      {pins && pins.length === 0 && <p class="empty">{t("pins.empty")}</p>}
      <ol class="pin-list" data-testid="pins">
        {(pins ?? []).map((pin) => <PinItem key={pin.message.seq} roomId={roomId} pin={pin} canPin={canPin} />)}
      </ol>
    </section>
  );
}

function PinItem({ roomId, pin, canPin }: { roomId: string; pin: PinnedMessage; canPin: boolean }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const sender = useApp((s) => s.members[pin.message.senderId]?.displayName);
  const pinner = useApp((s) => s.members[pin.pinnedBy]?.displayName);
  const show = () => {
    navigate(`/rooms/${roomId}`);
    requestAnimationFrame(() => document.getElementById(`m-${roomId}-${pin.message.seq}`)?.scrollIntoView({ block: "center" }));
  };
  return (
    <li class="pin" data-seq={pin.message.seq}>
      <div class="sender"><span class="name">{sender ?? "…"}</span></div>
      <div class="bubble"><RichText text={pin.message.text ?? t("rooms.stamp")} myHandle={me?.handle} /></div>
      <p class="pin-meta">{t("pins.by", { name: pinner ?? "…", time: dateTimeLabel(pin.pinnedAt, lang) })}</p>
      <div class="actions">
        <button type="button" onClick={show}>{t("pins.show")}</button>
        {canPin && <button type="button" onClick={() => void togglePin(chat, roomId, pin.message.seq, true)}>{t("pins.unpin")}</button>}
      </div>
    </li>
  );
}
