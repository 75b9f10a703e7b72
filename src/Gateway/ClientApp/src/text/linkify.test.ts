import { describe, expect, it } from "vitest";
import { tokenize } from "./linkify";

describe("message text", () => {
  it("keeps markup as plain text", () => {
    expect(tokenize("<img src=x onerror=alert(1)>")).toEqual([{ kind: "text", text: "<img src=x onerror=alert(1)>" }]);
  });

  it("makes web links clickable and leaves trailing punctuation outside", () => {
    expect(tokenize("見て https://example.com/a?b=1. どうぞ")).toEqual([
      { kind: "text", text: "見て " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ". どうぞ" },
    ]);
  });

  it("does not link javascript: or other schemes", () => {
    expect(tokenize("javascript:alert(1) data:text/html,x")).toEqual([{ kind: "text", text: "javascript:alert(1) data:text/html,x" }]);
  });

  it("stops a link at Japanese punctuation", () => {
    const tokens = tokenize("https://example.com/会場。集合");
    expect(tokens[0]).toMatchObject({ kind: "link", text: "https://example.com/会場" });
  });

  it("finds @mentions by handle", () => {
    expect(tokenize("@taro さん、ありがとう")).toEqual([
      { kind: "mention", text: "@taro", handle: "taro" },
      { kind: "text", text: " さん、ありがとう" },
    ]);
  });
});
