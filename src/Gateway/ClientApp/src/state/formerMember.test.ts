import { describe, expect, it } from "vitest";
import type { Member } from "../api/types";
import { shownMember } from "./formerMember";

const member = (former: boolean): Member => ({
  id: "m_x", handle: "taro", displayName: former ? "" : "佐藤 太郎", role: "alumnus", headline: "", bio: "", currentCompany: "",
  formerDepartments: [], tags: [], status: "", joinedAt: "2026-01-01T00:00:00Z", online: false, former,
});

describe("shownMember", () => {
  it("names a former member in the viewer's language", () => {
    expect(shownMember(member(true), "ja").displayName).toBe("退会したメンバー");
    expect(shownMember(member(true), "en").displayName).toBe("Former member");
  });

  it("leaves a current member as they are", () => {
    expect(shownMember(member(false), "ja").displayName).toBe("佐藤 太郎");
  });
});
