import { navigate } from "../../chat/router";
import { useT } from "../context";
import { AuditLog } from "./AuditLog";
import { Broadcasts } from "./Broadcasts";
import { Invitations } from "./Invitations";
import { MembersAdmin } from "./MembersAdmin";
import { Reports } from "./Reports";
import { StampUpload } from "./StampUpload";
import { Stats } from "./Stats";
import { SurveysAdmin } from "./SurveysAdmin";

const sections = ["invitations", "broadcasts", "reports", "members", "stamps", "stats", "surveys", "audit"] as const;

/** The secretariat's area: invitations, news and reach, reports, members, stamps, statistics, the audit log. */
export function Admin({ section }: { section: string }) {
  const t = useT();
  const current = (sections as readonly string[]).includes(section) ? section : "invitations";
  return (
    <section class="admin">
      <header class="pane-head">
        <button type="button" class="back icon-button" onClick={() => navigate("/")}>
          <span aria-hidden="true">‹</span>
          <span class="visually-hidden">{t("nav.back")}</span>
        </button>
        <h2 class="pane-title">{t("admin.title")}</h2>
      </header>
      <nav class="tabs" aria-label={t("admin.title")}>
        {sections.map((s) => (
          <a key={s} href={`/admin/${s}`} aria-current={s === current ? "page" : undefined} onClick={(e) => { e.preventDefault(); navigate(`/admin/${s}`); }}>
            {t(`admin.${s}`)}
          </a>
        ))}
      </nav>
      <div class="admin-body">
        {current === "invitations" && <Invitations />}
        {current === "broadcasts" && <Broadcasts />}
        {current === "reports" && <Reports />}
        {current === "members" && <MembersAdmin />}
        {current === "stamps" && <StampUpload />}
        {current === "stats" && <Stats />}
        {current === "surveys" && <SurveysAdmin />}
        {current === "audit" && <AuditLog />}
      </div>
    </section>
  );
}
