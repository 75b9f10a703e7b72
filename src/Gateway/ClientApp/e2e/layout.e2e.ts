import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser, watch, admin } from "./browser";
import { composer, messageTexts, roomItem, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("on a phone", () => {
  it("shows one column at a time: the room list, then the conversation, and back", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    await rest(hanako, "/api/dms", "POST", { memberId: taro.id });
    const page = await browsers.open(taro, "/", { phone: true });
    await roomItem(page, "山田 花子").waitFor();
    expect(await page.locator(".main").isVisible()).toBe(false);
    await screenshot(page, "phone-room-list");

    await roomItem(page, "山田 花子").tap();
    await composer(page).waitFor();
    expect(await page.locator(".sidebar").isVisible()).toBe(false);
    // On a phone Enter breaks the line; the send button sends.
    await composer(page).fill("スマホから送ります");
    await page.getByRole("button", { name: "送信" }).tap();
    await expect.poll(() => messageTexts(page)).toContain("スマホから送ります");
    const box = await composer(page).boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    await screenshot(page, "phone-conversation");

    await page.getByRole("button", { name: "戻る" }).first().tap();
    await roomItem(page, "山田 花子").waitFor();
  });
});

describe("the language", () => {
  it("follows the browser (English here) and switches to Japanese and back", async () => {
    const context = await browsers.context({ locale: "en-GB" });
    const page = await context.newPage();
    watch(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.getByTestId("language-switch").click();
    await page.getByRole("button", { name: "ログイン" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    await page.reload();
    await page.getByRole("button", { name: "ログイン" }).waitFor();
    await page.getByTestId("language-switch").click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await screenshot(page, "sign-in-english");
  });
});

describe("accessibility", () => {
  it("passes an automated WCAG 2.1 AA audit on the main screens", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const signIn = await (await browsers.context()).newPage();
    watch(signIn);
    await signIn.goto("/");
    await signIn.getByRole("button", { name: "ログイン" }).waitFor();
    await screenshot(signIn, "sign-in");
    const problems: string[] = (await audit(signIn)).map((v) => `sign-in: ${v}`);

    const page = await browsers.open(hanako, `/rooms/${dm.id}`);
    await send(page, `アクセシビリティの確認です @${taro.handle} さん`);
    await expect.poll(() => messageTexts(page)).toContain(`アクセシビリティの確認です @${taro.handle} さん`);
    problems.push(...(await audit(page)).map((v) => `conversation: ${v}`));
    for (const path of ["/directory", "/discover", "/profile"]) {
      await page.goto(path);
      await page.locator(".main h2").first().waitFor();
      problems.push(...(await audit(page)).map((v) => `${path}: ${v}`));
    }
    const adminPage = await browsers.open(await admin(), "/admin/invitations");
    for (const path of ["/admin/invitations", "/admin/stats"]) {
      await adminPage.goto(path);
      await adminPage.locator(".admin-body > *").first().waitFor();
      problems.push(...(await audit(adminPage)).map((v) => `${path}: ${v}`));
    }
    expect(problems).toEqual([]);
  });

  it("can be used with the keyboard: Tab reaches the room list and Enter opens a room", async () => {
    const hanako = await alumnus("山田 花子");
    const page = await browsers.open(hanako);
    let onRoom = false;
    for (let i = 0; i < 20 && !onRoom; i++) {
      await page.keyboard.press("Tab");
      onRoom = await page.evaluate(() => document.activeElement?.classList.contains("room-item") ?? false);
    }
    expect(onRoom).toBe(true);
    await page.keyboard.press("Enter");
    await page.locator("#conversation-title").waitFor();
  });

  it("reaches a message's actions with the keyboard and reacts with Enter", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const page = await browsers.open(hanako, `/rooms/${dm.id}`);
    await send(page, "キーボードで操作します");
    const message = page.locator(".message", { hasText: "キーボードで操作します" });
    await message.getByRole("button", { name: "リアクション" }).focus();
    expect(await message.getByRole("button", { name: "リアクション" }).isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    let onEmoji = false;
    for (let i = 0; i < 10 && !onEmoji; i++) {
      onEmoji = await page.evaluate(() => document.activeElement?.classList.contains("emoji") ?? false);
      if (!onEmoji) await page.keyboard.press("Tab");
    }
    expect(onEmoji).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => message.getByTestId("reactions").count()).toBe(1);
  });
});
