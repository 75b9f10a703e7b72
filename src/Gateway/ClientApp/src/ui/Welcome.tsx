import { navigate } from "../chat/router";
import { useApp, useT } from "./context";

/** What the middle column says before a conversation is open: what the network is for, and where to start. */
export function Welcome() {
  const t = useT();
  const name = useApp((s) => s.config.networkName);
  return (
    <section class="welcome">
      <h2>{name}</h2>
      <p>{t("auth.welcome")}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => navigate("/directory")}>{t("nav.directory")}</button>
        <button type="button" onClick={() => navigate("/discover")}>{t("nav.discover")}</button>
      </div>
    </section>
  );
}
