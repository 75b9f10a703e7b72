import type { Member } from "../api/types";

/** Initials on a colour derived from the member's id, with a presence dot. */
export function Avatar({ member, size = 36, presence = false }: { member?: Member; size?: number; presence?: boolean }) {
  const name = member?.displayName ?? "?";
  const initial = [...name.trim()][0] ?? "?";
  const hue = [...(member?.id ?? "")].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 0);
  return (
    <span class={`avatar avatar-${size}`} data-hue={Math.round(hue / 30)} aria-hidden="true">
      {initial}
      {presence && member && <span class={member.online ? "presence online" : "presence"} />}
    </span>
  );
}
