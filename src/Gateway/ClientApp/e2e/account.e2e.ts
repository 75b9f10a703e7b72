import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, audit, baseUrl, rest, screenshot, useBrowser } from "./browser";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

/** Signs in again as the account through the API, as another device would; that session's token. */
async function signInAgain(handle: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    },
    body: JSON.stringify({ handle, password: "a-long-password" }),
  });
  return ((await response.json()) as { token: string }).token;
}

describe("a member's account", () => {
  it("lists the signed-in devices and signs another one out", async () => {
    const member = await alumnus("中村 さくら");
    const phoneToken = await signInAgain(member.handle);
    const page = await browsers.open(member, "/profile");

    const phone = page.locator(".session", { hasText: "Safari · iPhone" });
    await phone.waitFor();
    await expect.poll(() => page.locator(".session").count()).toBe(2);
    expect(await page.locator(".session", { hasText: "この端末" }).count()).toBe(1);
    expect(await audit(page)).toEqual([]);
    await page.locator(".sessions").scrollIntoViewIfNeeded();
    await screenshot(page, "profile-sessions");

    await phone.getByRole("button", { name: "ログアウト: Safari · iPhone" }).click();

    await expect.poll(() => page.locator(".session").count()).toBe(1);
    const refused = await fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${phoneToken}` } });
    expect(refused.status).toBe(401);
    await rest(member, "/api/me");
  });
});

describe("the secretariat's audit log", () => {
  it("shows who suspended whom, newest first, and keeps to one action when asked", async () => {
    const secretariat = await admin();
    const member = await alumnus("小林 健太");
    await rest(secretariat, `/api/admin/members/${member.id}/suspend`, "POST");
    const page = await browsers.open(secretariat, "/admin/audit");

    const row = page.locator("tr", { hasText: "小林 健太" });
    await expect.poll(() => row.first().textContent()).toContain("利用停止");
    expect(await row.first().textContent()).toContain("@admin");
    await page.getByLabel("操作で絞り込む").selectOption("member.suspended");
    await expect.poll(() => page.locator("tbody tr").allTextContents()).toSatisfy((rows: string[]) => rows.length > 0 && rows.every((r) => r.includes("利用停止")));
    expect(await audit(page)).toEqual([]);
    await screenshot(page, "admin-audit");
  });
});
