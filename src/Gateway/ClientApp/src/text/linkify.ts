/** A piece of message text: plain text, a web link, or an @mention. Nothing else is interpreted. */
export type Token = { kind: "text"; text: string } | { kind: "link"; text: string; href: string } | { kind: "mention"; text: string; handle: string };

const pattern = /(https?:\/\/[^\s<>"'「」（）、。]+)|(@[a-z0-9_.-]{3,32})/giu;

/** Splits text into tokens; links are http(s) only, with trailing punctuation left outside. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    let raw = match[0];
    if (match[1]) {
      const trimmed = raw.replace(/[.,!?;:)\]]+$/u, "");
      raw = trimmed;
    }
    if (start > last) tokens.push({ kind: "text", text: text.slice(last, start) });
    if (match[1]) {
      const href = safeHref(raw);
      tokens.push(href ? { kind: "link", text: raw, href } : { kind: "text", text: raw });
    } else {
      tokens.push({ kind: "mention", text: raw, handle: raw.slice(1).toLowerCase() });
    }
    last = start + raw.length;
  }
  if (last < text.length) tokens.push({ kind: "text", text: text.slice(last) });
  return mergeText(tokens);
}

function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function mergeText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (t.kind === "text" && prev?.kind === "text") out[out.length - 1] = { kind: "text", text: prev.text + t.text };
    else if (t.text.length > 0) out.push(t);
  }
  return out;
}
