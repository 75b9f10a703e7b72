import { useApp, useT } from "./context";

/** 山田さんが入力中… under the messages while someone types. */
export function TypingLine({ roomId }: { roomId: string }) {
  const t = useT();
  const names = useApp((s) => Object.keys(s.typing[roomId] ?? {}).map((id) => s.members[id]?.displayName ?? "").filter(Boolean));
  return (
    <p class="typing" aria-live="polite" data-testid="typing">
      {names.length === 1 ? t("room.typingOne", { name: names[0] }) : names.length > 1 ? t("room.typingMany", { n: names.length }) : ""}
    </p>
  );
}
