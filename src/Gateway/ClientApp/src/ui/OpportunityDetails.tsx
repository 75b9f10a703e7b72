import { useEffect, useState } from "preact/hooks";
import type { Interest, Member, Opportunity, Room } from "../api/types";
import { navigate } from "../chat/router";
import { dayLabel, dateTimeLabel } from "../i18n/dates";
import type { MessageKey } from "../i18n/i18n";
import { whereLine } from "../state/opportunities";
import { useApp, useChat, useT } from "./context";

/**
 * One opportunity: all of it, and "interested" with a note for the poster and the secretariat. The poster and the
 * secretariat also see who is interested, open a DM with them from there, and close it.
 */
export function OpportunityDetails({ id }: { id: string }) {
  const chat = useChat();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.me);
  const members = useApp((s) => s.members);
  const [opportunity, setOpportunity] = useState<Opportunity | null>(null);
  const [interest, setInterest] = useState<Interest[] | null>(null);
  const [note, setNote] = useState("");
  const path = `/api/opportunities/${encodeURIComponent(id)}`;
  const manages = !!opportunity && !!me && (opportunity.postedBy === me.id || me.role === "secretariat");

  useEffect(() => {
    chat.http.get<Opportunity>(path).then((o) => {
      setOpportunity(o);
      setNote(o.myInterest?.note ?? "");
    }, (e) => chat.toastError(e));
  }, [id]);

  useEffect(() => {
    if (!manages) return;
    chat.http.get<{ items: Interest[] }>(`${path}/interest`).then(async (page) => {
      const known = await Promise.all(page.items.map((i) => chat.http.get<Member>(`/api/members/${encodeURIComponent(i.memberId)}`).catch(() => null)));
      chat.history.rememberMembers(known.filter((m): m is Member => m !== null));
      setInterest(page.items);
    }, (e) => chat.toastError(e));
  }, [manages, id]);

  async function act(call: () => Promise<Opportunity>, done?: MessageKey) {
    try {
      setOpportunity(await call());
      if (done) chat.toast(t(done));
    } catch (error) {
      chat.toastError(error);
    }
  }

  async function contact(memberId: string) {
    try {
      const dm = await chat.http.post<Room>(`${path}/interest/${encodeURIComponent(memberId)}/dm`);
      await chat.history.loadRoom(dm.id);
      navigate(`/rooms/${dm.id}`);
    } catch (error) {
      chat.toastError(error);
    }
  }

  if (!opportunity) return <p class="loading">{t("app.loading")}</p>;
  const o = opportunity;
  return (
    <section class="opportunity stack" aria-labelledby="opportunity-title">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/opportunities")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title" id="opportunity-title">{o.title}</h2>
      </header>
      <p>
        <span class="badge">{t(`opportunities.kind.${o.kind}`)}</span>{" "}
        <span class={`status-${o.status}`}>{o.status === "closed" ? t("opportunities.closed") : t("opportunities.open")}</span>
      </p>
      {whereLine(o, t("opportunities.remoteOk")) && <p class="muted">{whereLine(o, t("opportunities.remoteOk"))}</p>}
      {o.closesAt && <p class="muted">{t("opportunities.closes", { date: dayLabel(o.closesAt, lang) })}</p>}
      <p class="opportunity-description">{o.description}</p>
      {o.contact && <p><strong>{t("opportunities.contact")}:</strong> {o.contact}</p>}
      <p class="muted">{t("opportunities.interestCount", { count: o.interestCount })}</p>

      {o.postedBy !== me?.id && o.status === "open" && (
        <form class="stack" onSubmit={(e) => { e.preventDefault(); void act(() => chat.http.put<Opportunity>(`${path}/interest`, { note }), "opportunities.thanks"); }}>
          <label>
            {t("opportunities.note")}
            <textarea rows={3} maxLength={1000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <p class="muted">{t("opportunities.noteHint")}</p>
          <div class="row">
            <button type="submit" class="primary">{o.myInterest ? t("opportunities.updateInterest") : t("opportunities.interested")}</button>
            {o.myInterest && (
              <button type="button" onClick={() => void act(() => chat.http.delete<Opportunity>(`${path}/interest`), "opportunities.withdrawn")}>
                {t("opportunities.withdraw")}
              </button>
            )}
          </div>
        </form>
      )}

      {manages && (
        <section class="stack" aria-labelledby="interest-title">
          <h3 id="interest-title">{t("opportunities.whoIsInterested")}</h3>
          {interest?.length === 0 && <p class="empty">{t("opportunities.noInterest")}</p>}
          <ul class="interest-list">
            {(interest ?? []).map((i) => (
              <li key={i.memberId}>
                <span class="name">{members[i.memberId]?.displayName ?? i.memberId}</span>{" "}
                <span class="muted">{dateTimeLabel(i.at, lang)}</span>
                {i.note && <p class="interest-note">{i.note}</p>}
                <button type="button" onClick={() => void contact(i.memberId)}>{i.dmRoomId ? t("opportunities.openDm") : t("opportunities.startDm")}</button>
              </li>
            ))}
          </ul>
          {o.status === "open" && (
            <button type="button" class="danger" onClick={() => void act(() => chat.http.post<Opportunity>(`${path}/close`), "opportunities.closedToast")}>
              {t("opportunities.close")}
            </button>
          )}
        </section>
      )}
    </section>
  );
}
