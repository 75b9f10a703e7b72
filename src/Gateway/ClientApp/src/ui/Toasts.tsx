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
  if (!signedIn || (connection === "connected" && caughtUp) || connection === "connecting") return null;
  return (
    <div class="banner" role="status" aria-live="polite" data-testid="connection-banner">
      {connection === "disconnected" ? t("conn.offline") : t("conn.reconnecting")}
    </div>
  );
}
