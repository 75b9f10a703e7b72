import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, screenshot, useBrowser, watch } from "./browser";
import { composer, messageTexts, roomItem, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("the secretariat", () => {
  it("invites, a new member signs up with the code, and the broadcast reaches them", async () => {
    const secretariat = await admin();
    const adminPage = await browsers.open(secretariat, "/admin/invitations");
    await adminPage.getByLabel("発行数").fill("3");
    await adminPage.getByLabel("メモ(例: 2019年入社)").fill("2019年度 営業部");
    await adminPage.getByRole("button", { name: "招待コードを発行する" }).click();
    const codes = (await adminPage.getByTestId("fresh-codes").inputValue()).split("\n");
    expect(codes).toHaveLength(3);
    await screenshot(adminPage, "admin-invitations");

    // A third person, with no account yet, follows the sign-up link.
    const newcomer = await browsers.context();
    const signUp = await newcomer.newPage();
    watch(signUp);
    await signUp.goto(`/signup?code=${encodeURIComponent(codes[0])}`);
    const handle = `newcomer${Date.now() % 100000}`;
    await signUp.getByLabel("ユーザー名").fill(handle);
    await signUp.getByLabel("表示名").fill("鈴木 一郎");
    await signUp.getByLabel("パスワード").fill("a-long-password");
    await signUp.getByRole("button", { name: "新規登録" }).click();
    await roomItem(signUp, "事務局からのお知らせ").waitFor();

    // The secretariat sees the code used.
    await adminPage.reload();
    await expect.poll(() => adminPage.locator("tr", { hasText: codes[0] }).textContent()).not.toContain("未使用");

    const news = `忘年会のお知らせ: 12月20日 19時〜 ${Date.now()}`;
    await adminPage.goto("/admin/broadcasts");
    await adminPage.getByLabel("全メンバーへのお知らせ").fill(news);
    await adminPage.getByRole("button", { name: "お知らせを送る" }).click();

    await expect.poll(() => roomItem(signUp, "事務局からのお知らせ").getByTestId("unread-badge").textContent()).toBe("1");
    await roomItem(signUp, "事務局からのお知らせ").click();
    await expect.poll(() => messageTexts(signUp)).toContain(news);
    // Members react and reply to news; the reach shows who read it.
    await expect.poll(() => adminPage.locator(".broadcasts li", { hasText: news }).textContent()).toMatch(/既読 [1-9]/);
    await screenshot(adminPage, "admin-broadcast-reach");
    await screenshot(signUp, "broadcast-received");
  });

  it("sees the statistics as charts", async () => {
    const secretariat = await admin();
    const page = await browsers.open(secretariat, "/admin/stats");
    await page.locator(".stats svg.chart").first().waitFor();
    // Active members per day over the last 90 days, one column each.
    await page.locator(".stats svg.daily").waitFor();
    expect(await page.locator(".stats svg.daily rect").count()).toBe(90);
    expect(await page.locator(".kpi .big").textContent()).toMatch(/^\d+$/);
    await screenshot(page, "admin-stats");
  });
});

describe("news", () => {
  it("can be answered by a member with a reply, though only the secretariat posts it", async () => {
    const secretariat = await admin();
    const member = await alumnus("高橋 美咲");
    const adminPage = await browsers.open(secretariat, "/rooms/broadcast");
    const news = `新しい求人のお知らせ ${Date.now()}`;
    await send(adminPage, news);

    const page = await browsers.open(member, "/rooms/broadcast");
    await expect.poll(() => messageTexts(page)).toContain(news);
    expect(await page.locator(".composer").count()).toBe(0);
    const post = page.locator(".message", { hasText: news });
    await post.hover();
    await post.getByRole("button", { name: "返信" }).click();
    // The composer is there for the reply only, and goes once it is sent.
    await composer(page).fill("応募を検討します");
    await composer(page).press("Enter");
    await expect.poll(() => messageTexts(adminPage)).toContain("応募を検討します");
    expect(await adminPage.locator(".message", { hasText: "応募を検討します" }).locator(".quote").textContent()).toContain(news);
  });
});
