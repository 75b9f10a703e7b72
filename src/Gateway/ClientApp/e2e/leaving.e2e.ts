import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, baseUrl, rest, screenshot, useBrowser } from "./browser";
import { send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("leaving the network", () => {
  it("deletes the account after the confirmation and the DM partner reads the thread from a former member", async () => {
    const leaving = await alumnus("高橋 まこと");
    const partner = await alumnus("渡辺 ゆい");
    const dm = await rest<{ id: string }>(partner, "/api/dms", "POST", { memberId: leaving.id });
    const page = await browsers.open(leaving, `/rooms/${dm.id}`);
    await send(page, "長い間お世話になりました");
    await page.locator(".message", { hasText: "長い間お世話になりました" }).waitFor();
    await page.goto("/profile");

    const section = page.locator(".leaving");
    await section.getByRole("button", { name: "退会する" }).click();
    await section.getByText("この操作は取り消せません").waitFor();
    expect(await audit(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, "profile-leaving");
    await section.getByLabel("パスワード").fill("a-long-password");
    await section.getByRole("button", { name: "パスワードを確認して退会する" }).click();

    await expect.poll(async () => (await fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${leaving.token}` } })).status).toBe(401);
    const partnerPage = await browsers.open(partner, `/rooms/${dm.id}`);
    const message = partnerPage.locator(".message", { hasText: "長い間お世話になりました" });
    await message.waitFor();
    await expect.poll(() => message.textContent()).toContain("退会したメンバー");
  });

  it("erases the messages when the member chooses so, and the partner sees each as deleted", async () => {
    const leaving = await alumnus("小林 さとし");
    const partner = await alumnus("加藤 みき");
    const dm = await rest<{ id: string }>(partner, "/api/dms", "POST", { memberId: leaving.id });
    const page = await browsers.open(leaving, `/rooms/${dm.id}`);
    await send(page, "この投稿は消してください");
    await page.locator(".message", { hasText: "この投稿は消してください" }).waitFor();
    await page.goto("/profile");

    const section = page.locator(".leaving");
    await section.getByRole("button", { name: "退会する" }).click();
    await section.getByLabel("消去する", { exact: false }).check();
    await section.getByLabel("パスワード").fill("a-long-password");
    await section.getByRole("button", { name: "パスワードを確認して退会する" }).click();

    await expect.poll(async () => (await fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${leaving.token}` } })).status).toBe(401);
    const partnerPage = await browsers.open(partner, `/rooms/${dm.id}`);
    await partnerPage.locator(".message", { hasText: "メッセージは削除されました" }).waitFor();
    expect(await partnerPage.locator(".message", { hasText: "この投稿は消してください" }).count()).toBe(0);
  });
});
