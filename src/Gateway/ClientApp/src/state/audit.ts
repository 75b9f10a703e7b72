import type { AuditEntry } from "../api/types";
import type { MessageKey } from "../i18n/i18n";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** An audit entry in words: the action, what it was done to, and the detail that matters for it. */
export interface AuditLine {
  action: string;
  target: string;
  detail: string;
}

const memberActions = new Set(["member.suspended", "member.unsuspended", "member.deleted", "member.role_granted", "room.member_removed", "room.member_muted", "message.deleted"]);

/**
 * Describes an entry for the secretariat's table. Members are named by <paramref name="memberName" />
 * (their display name when known); invitations by code, stamp packs by name, reports by id.
 */
export function describeAudit(entry: AuditEntry, t: Translate, memberName: (id: string) => string): AuditLine {
  const detail = entry.detail;
  const text = (key: string) => (typeof detail[key] === "string" ? (detail[key] as string) : "");
  const number = (key: string) => (typeof detail[key] === "number" ? (detail[key] as number) : 0);
  const action = t(`audit.action.${entry.action}` as MessageKey);
  const target = memberActions.has(entry.action) && entry.targetId ? memberName(entry.targetId)
    : entry.action.startsWith("stamp_pack.") ? text("name")
    : (entry.targetId ?? "");
  switch (entry.action) {
    case "invitations.created":
      return { action, target, detail: [t("audit.invitations", { count: number("count"), role: t(`role.${text("role")}` as MessageKey) }), text("note")].filter(Boolean).join(" ・ ") };
    case "room.member_muted":
      return { action, target, detail: t("audit.minutes", { minutes: number("minutes") }) };
    case "message.deleted":
      return { action, target, detail: t("audit.seq", { seq: number("seq") }) };
    case "report.resolved":
      return { action, target, detail: [t(`admin.resolution.${text("outcome")}` as MessageKey), text("note")].filter(Boolean).join(" ・ ") };
    case "member.role_granted":
      return { action, target, detail: t(`role.${text("role")}` as MessageKey) };
    default:
      return { action, target, detail: "" };
  }
}
