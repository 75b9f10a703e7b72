import { describe, expect, it } from "vitest";
import { auditActions, type AuditEntry } from "../api/types";
import { translate } from "../i18n/i18n";
import { describeAudit } from "./audit";

const entry = (action: AuditEntry["action"], targetId: string | null, detail: Record<string, unknown> = {}): AuditEntry => ({
  id: 1, at: "2026-11-28T10:00:00Z", action, actorId: "m_admin", actorHandle: "admin", roomId: null, targetId, detail,
});
const ja = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("ja", key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("en", key, params);
const names: Record<string, string> = { m_taro: "佐藤 太郎" };
const name = (id: string) => names[id] ?? id;

describe("the audit log in words", () => {
  it("names the member an action was done to", () => {
    expect(describeAudit(entry("member.suspended", "m_taro"), ja, name)).toEqual({ action: "利用停止", target: "佐藤 太郎", detail: "" });
    expect(describeAudit(entry("room.member_muted", "m_taro", { minutes: 30 }), en, name)).toEqual({ action: "Muted", target: "佐藤 太郎", detail: "for 30 min" });
    expect(describeAudit(entry("message.deleted", "m_unknown", { seq: 7 }), ja, name).detail).toBe("メッセージ #7");
    expect(describeAudit(entry("message.deleted", "m_unknown", { seq: 7 }), ja, name).target).toBe("m_unknown");
  });

  it("says how many invitations of which role, with their note", () => {
    const line = describeAudit(entry("invitations.created", null, { count: 50, role: "alumnus", note: "秋の同窓会" }), ja, name);
    expect(line).toEqual({ action: "招待コードを発行", target: "", detail: "50件・アルムナイ(元社員) ・ 秋の同窓会" });
  });

  it("names invitations by code, stamp packs by name and reports by outcome", () => {
    expect(describeAudit(entry("invitation.revoked", "ABCD-EFGH-JKMN"), en, name).target).toBe("ABCD-EFGH-JKMN");
    expect(describeAudit(entry("stamp_pack.removed", "p123", { name: "社内スタンプ" }), ja, name).target).toBe("社内スタンプ");
    expect(describeAudit(entry("report.resolved", "rp_1", { outcome: "dismissed", note: null }), en, name).detail).toBe("No problem");
  });

  it("has words for every action in both languages", () => {
    for (const action of auditActions) {
      expect(describeAudit(entry(action, "x"), ja, name).action).not.toContain("audit.");
      expect(describeAudit(entry(action, "x"), en, name).action).not.toContain("audit.");
    }
  });
});
