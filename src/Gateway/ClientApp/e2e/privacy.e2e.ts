import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser } from "./browser";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

interface MemberPage { items: { id: string; headline: string | null }[] }

describe("a member's directory privacy", () => {
  it("hides the member from the directory and keeps the headline from strangers once saved", async () => {
    const member = await alumnus("森 ひかり");
    await rest(member, "/api/me/profile", "PATCH", { headline: "ハリネズミ写真家" });
    const stranger = await alumnus("石井 翔");
    const page = await browsers.open(member, "/profile");

    const settings = page.locator(".privacy-settings");
    await settings.getByLabel("誰にも見せない（事務局のみ）").check();
    await settings.getByLabel("メンバー一覧と検索に表示する").uncheck();
    expect(await audit(page)).toEqual([]);
    await settings.scrollIntoViewIfNeeded();
    await screenshot(page, "profile-privacy");
    await settings.getByRole("button", { name: "公開範囲を保存" }).click();
    await page.getByText("公開範囲を保存しました").waitFor();

    const found = await rest<MemberPage>(stranger, `/api/members?q=${encodeURIComponent("ハリネズミ")}`);
    expect(found.items.map((m) => m.id)).not.toContain(member.id);
    const me = await rest<{ privacy: { fieldsVisibleTo: string; listed: boolean } }>(member, "/api/me");
    expect(me.privacy).toEqual({ fieldsVisibleTo: "nobody", listed: false });
  });
});
