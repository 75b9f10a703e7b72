import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { messageTexts, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

/** Reports a message from its actions, answering the browser's prompt with the reason. */
async function report(page: Page, text: string, reason: string): Promise<void> {
  const message = page.locator(".message", { hasText: text });
  await message.hover();
  page.once("dialog", (dialog) => void dialog.accept(reason));
  await message.getByRole("button", { name: "通報" }).click();
  await page.locator(".toast", { hasText: "通報しました。事務局が確認します。" }).last().waitFor();
}

describe("the report queue", () => {
  it("shows a member's report to the secretariat, whose deletion and suspension the members see", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const room = await rest<{ id: string }>(taro, "/api/rooms", "POST", { name: "副業の相談", visibility: "public" });
    await rest(hanako, `/api/rooms/${room.id}/join`, "POST");
    const hanakoPage = await browsers.open(hanako, `/rooms/${room.id}`);
    const taroPage = await browsers.open(taro, `/rooms/${room.id}`);
    // Only this test reports in a run (each run has a server of its own): the texts tell the reports apart.
    const spam = "儲かる副業の話があります。興味のある方はDMください";
    await send(taroPage, spam);
    await expect.poll(() => messageTexts(hanakoPage)).toContain(spam);

    const firstReason = "しつこい勧誘です";
    await report(hanakoPage, spam, firstReason);

    // The secretariat sees the report with the message, who reported it, and why.
    const secretariat = await admin();
    const adminPage = await browsers.open(secretariat, "/admin/reports");
    const first = adminPage.locator(".report", { hasText: firstReason });
    await first.waitFor();
    await expect.poll(() => first.textContent()).toContain("通報者: 山田 花子");
    await expect.poll(() => first.locator("blockquote").textContent()).toBe(`佐藤 太郎${spam}`);
    await screenshot(adminPage, "admin-reports");
    expect(await audit(adminPage)).toEqual([]);

    // Deleting it takes it away from every member's screen, the author's too.
    await first.getByRole("button", { name: "メッセージを削除" }).click();
    await expect.poll(() => first.locator("blockquote").textContent()).toContain("メッセージは削除されました");
    expect(await first.getByRole("button", { name: "メッセージを削除" }).count()).toBe(0);
    for (const page of [hanakoPage, taroPage]) {
      await expect.poll(() => messageTexts(page)).not.toContain(spam);
      await page.locator(".message.deleted", { hasText: "メッセージは削除されました" }).waitFor();
    }

    // He goes on; a second report, and the secretariat suspends him.
    const again = "まだ募集しています";
    await send(taroPage, again);
    await expect.poll(() => messageTexts(hanakoPage)).toContain(again);
    const secondReason = "また勧誘しています";
    await report(hanakoPage, again, secondReason);
    await adminPage.reload();
    const second = adminPage.locator(".report", { hasText: secondReason });
    adminPage.once("dialog", (dialog) => void dialog.accept());
    await second.getByRole("button", { name: "利用停止" }).click();

    // His page is signed out at once, and he cannot sign in again.
    await taroPage.getByRole("button", { name: "ログイン" }).waitFor();
    await taroPage.getByLabel("ユーザー名").fill(taro.handle);
    await taroPage.getByLabel("パスワード").fill("a-long-password");
    await taroPage.getByRole("button", { name: "ログイン" }).click();
    await expect.poll(() => taroPage.getByRole("alert").textContent()).toBe("このアカウントは利用停止中です。事務局にお問い合わせください。");

    // Reinstated from the members page, he signs in again.
    await adminPage.goto("/admin/members");
    await adminPage.getByRole("searchbox", { name: "名前・会社・部署・タグで検索" }).fill(taro.handle);
    await adminPage.getByRole("button", { name: "利用停止を解除: 佐藤 太郎" }).click();
    await adminPage.locator(".toast", { hasText: "利用停止を解除しました" }).waitFor();
    await taroPage.getByRole("button", { name: "ログイン" }).click();
    await taroPage.locator(".sidebar").waitFor();
  });
});
