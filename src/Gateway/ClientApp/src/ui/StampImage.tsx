import { useEffect } from "preact/hooks";
import { useApp, useChat } from "./context";

/** A stamp, large and without a bubble, from its signed image URL; one from a pack added since is looked up. */
export function StampImage({ stampId, size = 120 }: { stampId: string; size?: number }) {
  const chat = useChat();
  const stamp = useApp((s) => s.stamps.flatMap((p) => p.stamps).find((x) => x.id === stampId));
  useEffect(() => {
    if (!stamp) chat.history.lookUpStamp(stampId);
  }, [stamp, stampId]);
  if (!stamp) return <span class="stamp missing">{stampId}</span>;
  return <img class="stamp" src={stamp.imageUrl} alt={stamp.label} title={stamp.label} width={size} height={size} loading="lazy" />;
}
