import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { composer, messageTexts } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("mentions", () => {
  it("complete from the room's members with the keyboard, and reach the member mentioned as a mention", async () => {
    const taro = await alumnus("佐藤 太郎", "sato");
    const hanako = await alumnus("山田 花子", "yamada");
    const ken = await alumnus("山本 健", "yamamoto");
    const misaki = await alumnus("高橋 美咲", "takahashi");
    const room = await rest<{ id: string }>(taro, "/api/rooms", "POST", { name: "元開発部の同期", visibility: "public" });
    for (const member of [hanako, misaki]) await rest(member, `/api/rooms/${room.id}/join`, "POST");

    const taroPage = await browsers.open(taro, `/rooms/${room.id}`);
    await composer(taroPage).waitFor();
    // Ken joins while Taro has the room open: he is offered all the same.
    await rest(ken, `/api/rooms/${room.id}/join`, "POST");
    const kenPage = await browsers.open(ken, `/rooms/${room.id}`);
    await composer(kenPage).waitFor();

    const box = composer(taroPage);
    await box.click();
    await box.pressSequentially("お疲れさまです @ya");
    const options = taroPage.getByRole("listbox", { name: "メンションの候補" }).getByRole("option");
    await expect.poll(() => options.allTextContents()).toEqual([`山田 花子 @${hanako.handle}`, `山本 健 @${ken.handle}`]);
    expect(await box.getAttribute("aria-activedescendant")).toBe(`mention-${hanako.id}`);
    await box.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(`mention-${ken.id}`);
    await screenshot(taroPage, "mention-completion");
    expect(await audit(taroPage)).toEqual([]);
    // Enter picks the member (it does not send); the handle goes in with a space after it.
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toBe(`お疲れさまです @${ken.handle} `);
    expect(await options.count()).toBe(0);
    await box.pressSequentially("ランチの幹事をお願いします");
    await box.press("Enter");

    const text = `お疲れさまです @${ken.handle} ランチの幹事をお願いします`;
    await expect.poll(() => messageTexts(kenPage)).toContain(text);
    // Ken sees himself mentioned, highlighted; the server resolved the handle to him.
    expect(await kenPage.locator(".message", { hasText: text }).locator(".mention.me").textContent()).toBe(`@${ken.handle}`);
    const history = await rest<{ items: { text: string; mentions: string[] }[] }>(ken, `/api/rooms/${room.id}/messages`);
    expect(history.items.find((m) => m.text === text)?.mentions).toEqual([ken.id]);

    // Escape closes the suggestions; what was typed stays.
    await box.pressSequentially("@taka");
    await expect.poll(() => options.allTextContents()).toEqual([`高橋 美咲 @${misaki.handle}`]);
    await box.press("Escape");
    expect(await options.count()).toBe(0);
    expect(await box.inputValue()).toBe("@taka");
  });
});
