import { useApp, useT } from "./context";

/** Short notices, and the banner while the connection is lost. */
export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} class={`toast ${t.kind}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}

export function ConnectionBanner() {
  const t = useT();
  const connection = useApp((s) => s.connection);
  const caughtUp = useApp((s) => s.caughtUp);
  const signedIn = useApp((s) => !!s.me);
  const wasCaughtUp = useApp((s) => s.wasCaughtUp);
  // The first connection of a page shows nothing while it is being made; later losses do.
  const lost = connection === "disconnected" || connection === "reconnecting" || (wasCaughtUp && !caughtUp);
  if (!signedIn || !lost) return null;
  return (
    <div class="banner" role="status" aria-live="polite" data-testid="connection-banner">
      {connection === "disconnected" ? t("conn.offline") : t("conn.reconnecting")}
    </div>
  );
}
