import { useEffect } from "preact/hooks";
import { useApp, useChat, useT } from "./context";

/** The stamp packs as a grid of buttons; picking one sends it. Opening it fetches the packs again (one may be new). */
export function StampPicker({ onPick }: { onPick(stampId: string): void }) {
  const chat = useChat();
  const t = useT();
  useEffect(() => void chat.history.loadStamps().catch(() => {}), []);
  const packs = useApp((s) => s.stamps);
  return (
    <div class="stamp-picker" role="group" aria-label={t("composer.stamps")} data-testid="stamp-picker">
      {packs.map((pack) => (
        <section key={pack.id}>
          <h3>{pack.name}</h3>
          <div class="stamp-grid">
            {pack.stamps.map((s) => (
              <button key={s.id} type="button" onClick={() => onPick(s.id)} data-stamp-id={s.id} aria-label={s.label}>
                <img src={s.imageUrl} alt="" width={64} height={64} loading="lazy" />
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
