import { tokenize } from "../text/linkify";

/** @all and @here mention the reader as well. */
const ROOM_WIDE = ["all", "here"];

/** Message text as text: links clickable (opening elsewhere), @mentions highlighted, nothing else interpreted. */
export function RichText({ text, myHandle }: { text: string; myHandle?: string }) {
  return (
    <>
      {tokenize(text).map((token, i) =>
        token.kind === "link" ? (
          <a key={i} href={token.href} target="_blank" rel="noopener noreferrer nofollow">
            {token.text}
          </a>
        ) : token.kind === "mention" ? (
          <span key={i} class={token.handle === myHandle || ROOM_WIDE.includes(token.handle) ? "mention me" : "mention"}>
            {token.text}
          </span>
        ) : (
          token.text
        ),
      )}
    </>
  );
}
