import type { Message } from "../api/types";
import { useApp, useChat, useT } from "./context";

export const QUICK_REACTIONS = ["👍", "❤️", "😂", "🎉", "🙏", "👏", "😮"];

/** Reaction chips under a message: count, highlighted when the reader is among them; a tap toggles. */
export function Reactions({ roomId, message }: { roomId: string; message: Message }) {
  const chat = useChat();
  const stamps = useApp((s) => s.stamps);
  if (message.reactions.length === 0) return null;
  return (
    <ul class="reactions" data-testid="reactions">
      {message.reactions.map((r) => {
        const stampId = r.key.startsWith("stamp:") ? r.key.slice(6) : null;
        const stamp = stampId ? stamps.flatMap((p) => p.stamps).find((s) => s.id === stampId) : undefined;
        return (
          <li key={r.key}>
            <button type="button" class={r.me ? "chip me" : "chip"} aria-pressed={r.me} onClick={() => void chat.toggleReaction(roomId, message.seq, r.key)}>
              {stamp ? <img src={stamp.imageUrl} alt={stamp.label} width={20} height={20} /> : <span>{r.key}</span>}
              <span class="count">{r.count}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ReactionPicker({ onPick }: { onPick(key: string): void }) {
  const t = useT();
  return (
    <div class="picker" role="group" aria-label={t("room.react")}>
      {QUICK_REACTIONS.map((e) => (
        <button key={e} type="button" class="emoji" onClick={() => onPick(e)} aria-label={e}>{e}</button>
      ))}
    </div>
  );
}
