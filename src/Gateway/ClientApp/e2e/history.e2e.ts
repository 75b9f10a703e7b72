import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, rest, useBrowser } from "./browser";
import { composer, messageTexts, send, sendMany } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("a long conversation", () => {
  it("opens on the newest messages and loads older ones when scrolled up", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    await sendMany(hanako, dm.id, Array.from({ length: 80 }, (_, i) => `メッセージ ${i + 1}`));

    // Hanako wrote them all, so nothing is unread for her: the room opens on the newest page.
    const page = await browsers.open(hanako, `/rooms/${dm.id}`);
    await expect.poll(() => messageTexts(page)).toContain("メッセージ 80");
    expect(await messageTexts(page)).not.toContain("メッセージ 1");

    // Each scroll to the top brings an older page; the view keeps its place meanwhile.
    for (let shown = (await messageTexts(page)).length, pages = 0; shown < 80 && pages < 5; pages++) {
      await page.locator(".messages").evaluate((el) => el.scrollTo({ top: 0 }));
      await expect.poll(async () => (await messageTexts(page)).length).toBeGreaterThan(shown);
      shown = (await messageTexts(page)).length;
    }
    const texts = await messageTexts(page);
    expect(texts).toEqual(Array.from({ length: 80 }, (_, i) => `メッセージ ${i + 1}`));
  });
});

describe("one's own message", () => {
  it("can be edited and deleted, and the other member sees both", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const hanakoPage = await browsers.open(hanako, `/rooms/${dm.id}`);
    const taroPage = await browsers.open(taro, `/rooms/${dm.id}`);
    await send(hanakoPage, "明日は10時集合です");
    await expect.poll(() => messageTexts(taroPage)).toContain("明日は10時集合です");

    const mine = hanakoPage.locator(".message", { hasText: "明日は10時集合です" });
    await mine.hover();
    await mine.getByRole("button", { name: "編集" }).click();
    await composer(hanakoPage).fill("明日は11時集合です");
    await composer(hanakoPage).press("Enter");
    await expect.poll(() => messageTexts(taroPage)).toContain("明日は11時集合です");
    expect(await taroPage.locator(".message", { hasText: "明日は11時集合です" }).textContent()).toContain("(編集済み)");

    hanakoPage.once("dialog", (dialog) => void dialog.accept());
    const edited = hanakoPage.locator(".message", { hasText: "明日は11時集合です" });
    await edited.hover();
    await edited.getByRole("button", { name: "削除" }).click();
    await taroPage.locator(".message.deleted").waitFor();
    expect(await messageTexts(taroPage)).not.toContain("明日は11時集合です");
  });
});
