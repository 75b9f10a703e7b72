import { useState } from "preact/hooks";
import { askToNotify, canNotify } from "../chat/notify";
import { navigate } from "../chat/router";
import { useApp, useChat, useT } from "./context";
import { LanguageSwitch } from "./LanguageSwitch";
import { RoomList } from "./RoomList";
import { SearchBox } from "./SearchBox";

/** The left column: the network's name, the menu and the room list. */
export function Sidebar() {
  const chat = useChat();
  const t = useT();
  const me = useApp((s) => s.me);
  const name = useApp((s) => s.config.networkName);
  const [menuOpen, setMenuOpen] = useState(false);
  const go = (path: string) => (e: Event) => {
    e.preventDefault();
    setMenuOpen(false);
    navigate(path);
  };
  return (
    <nav class="sidebar" aria-label={t("rooms.title")}>
      <header class="sidebar-head">
        <h1 class="network-name">{name}</h1>
        <button type="button" class="icon-button" aria-expanded={menuOpen} aria-controls="main-menu" onClick={() => setMenuOpen(!menuOpen)}>
          <span aria-hidden="true">☰</span>
          <span class="visually-hidden">{t("nav.menu")}</span>
        </button>
      </header>
      <ul id="main-menu" class={menuOpen ? "menu open" : "menu"}>
        <li><a href="/directory" onClick={go("/directory")}>{t("nav.directory")}</a></li>
        <li><a href="/discover" onClick={go("/discover")}>{t("nav.discover")}</a></li>
        <li><a href="/opportunities" onClick={go("/opportunities")}>{t("nav.opportunities")}</a></li>
        <li><a href="/events" onClick={go("/events")}>{t("nav.events")}</a></li>
        <li><a href="/surveys" onClick={go("/surveys")}>{t("nav.surveys")}</a></li>
        <li><a href="/profile" onClick={go("/profile")}>{t("nav.profile")}</a></li>
        {me?.role === "secretariat" && <li><a href="/admin" onClick={go("/admin")}>{t("nav.admin")}</a></li>}
        {canNotify() && Notification.permission === "default" && (
          <li><button type="button" class="link-button" onClick={() => void askToNotify()}>{t("nav.notifications")}</button></li>
        )}
        <li><LanguageSwitch /></li>
        <li><button type="button" class="link-button" onClick={() => void chat.signOut()}>{t("auth.signOut")}</button></li>
      </ul>
      <SearchBox />
      <RoomList />
    </nav>
  );
}
