import { useApp } from "./context";

/** A stamp, large and without a bubble, from its signed image URL. */
export function StampImage({ stampId, size = 120 }: { stampId: string; size?: number }) {
  const stamp = useApp((s) => s.stamps.flatMap((p) => p.stamps).find((x) => x.id === stampId));
  if (!stamp) return <span class="stamp missing">{stampId}</span>;
  return <img class="stamp" src={stamp.imageUrl} alt={stamp.label} title={stamp.label} width={size} height={size} loading="lazy" />;
}
