import { useEffect, useState } from "preact/hooks";
import type { Member, Room } from "../api/types";
import { navigate } from "../chat/router";
import { dateTimeLabel } from "../i18n/dates";
import { Avatar } from "./Avatar";
import { OpenToList } from "./OpenToChips";
import { useApp, useChat, useT, useWatchPresence } from "./context";

/** A member's profile, with the button that opens (or starts) the DM with them. */
export function MemberProfile({ memberId }: { memberId: string }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const [member, setMember] = useState<Member | null>(null);
  const known = useApp((s) => s.members[memberId]);
  useWatchPresence([memberId]);

  useEffect(() => {
    chat.http.get<Member>(`/api/members/${encodeURIComponent(memberId)}`).then((m) => {
      chat.history.rememberMembers([m]);
      setMember(m);
    }, (e) => chat.toastError(e));
  }, [memberId]);

  async function message() {
    try {
      const room = await chat.http.post<Room>("/api/dms", { memberId });
      await chat.history.loadRoom(room.id);
      navigate(`/rooms/${room.id}`);
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function suspend(on: boolean) {
    if (!member || (on && !window.confirm(t("admin.confirmSuspend", { name: member.displayName })))) return;
    try {
      await chat.http.post(`/api/admin/members/${encodeURIComponent(memberId)}/${on ? "suspend" : "unsuspend"}`);
      chat.toast(t(on ? "admin.suspended" : "admin.unsuspended"));
    } catch (error) {
      chat.toastError(error);
    }
  }

  if (!member) return <p class="loading">{t("app.loading")}</p>;
  return (
    <section class="profile">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/directory")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("profile.title")}</h2>
      </header>
      <div class="profile-head">
        <Avatar member={known ?? member} size={64} presence />
        <div>
          <h3>{member.displayName}</h3>
          <p class="handle">@{member.handle}</p>
        </div>
      </div>
      {member.status && <p class="status">{member.status}</p>}
      <dl>
        {member.headline && (<><dt>{t("profile.headline")}</dt><dd>{member.headline}</dd></>)}
        {member.currentCompany && (<><dt>{t("profile.company")}</dt><dd>{member.currentCompany}</dd></>)}
        {member.formerDepartments.length > 0 && (<><dt>{t("profile.departments")}</dt><dd>{member.formerDepartments.join("、")}</dd></>)}
        {member.tags.length > 0 && (<><dt>{t("profile.tags")}</dt><dd>{member.tags.map((tag) => <span class="tag" key={tag}>{tag}</span>)}</dd></>)}
        {(member.openTo?.length ?? 0) > 0 && (<><dt>{t("openTo.label")}</dt><dd><OpenToList openTo={member.openTo!} /></dd></>)}
        {member.bio && (<><dt>{t("profile.bio")}</dt><dd class="bio">{member.bio}</dd></>)}
      </dl>
      <p class="muted">{t("profile.joined", { date: dateTimeLabel(member.joinedAt, lang) })}</p>
      <div class="actions">
        {member.id !== me?.id && <button type="button" class="primary" onClick={() => void message()}>{t("directory.message")}</button>}
        {me?.role === "secretariat" && member.id !== me.id && (
          <>
            <button type="button" class="danger" onClick={() => void suspend(true)}>{t("admin.suspend")}</button>
            <button type="button" onClick={() => void suspend(false)}>{t("admin.unsuspend")}</button>
          </>
        )}
      </div>
    </section>
  );
}
