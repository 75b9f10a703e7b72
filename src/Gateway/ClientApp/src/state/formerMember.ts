import type { Member } from "../api/types";
import { translate, type Lang } from "../i18n/i18n";

/** A member as the screens show them: a deleted account's erased name becomes 「退会したメンバー」 / "Former member". */
export function shownMember(member: Member, lang: Lang): Member {
  return member.former ? { ...member, displayName: translate(lang, "member.former") } : member;
}
