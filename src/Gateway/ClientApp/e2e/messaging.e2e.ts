import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, rest, screenshot, useBrowser, watch } from "./browser";
import { composer, messageTexts, roomItem, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });
const open = browsers.open.bind(browsers);

describe("two alumni", () => {
  it("exchange DMs live, and the sender sees 既読 once the other has read", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const hanakoPage = await open(hanako, `/directory/${taro.id}`);
    const taroPage = await open(taro);

    await hanakoPage.getByRole("button", { name: "メッセージを送る" }).click();
    await composer(hanakoPage).waitFor();
    await send(hanakoPage, "久しぶり！元気？");

    await roomItem(taroPage, "山田 花子").click();
    await expect.poll(() => messageTexts(taroPage)).toContain("久しぶり！元気？");
    // Taro has read it: Hanako sees 既読 under her message before he answers.
    await hanakoPage.locator(".message.mine", { hasText: "久しぶり！元気？" }).getByTestId("read-receipt").waitFor();

    await send(taroPage, "元気です。今はスタートアップにいます");
    await expect.poll(() => messageTexts(hanakoPage)).toContain("元気です。今はスタートアップにいます");
    await screenshot(hanakoPage, "dm-desktop");
  });

  it("talk in a room live: one creates it, the other finds and joins it", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const name = `元営業部 ${Date.now()}`;
    const hanakoPage = await open(hanako, "/discover");
    await hanakoPage.getByText("ルームを作る").first().click();
    await hanakoPage.getByLabel("ルーム名", { exact: true }).fill(name);
    await hanakoPage.getByLabel("トピック(任意)").fill("近況を話しましょう");
    await hanakoPage.getByRole("button", { name: "ルームを作る" }).click();
    await composer(hanakoPage).waitFor();

    const taroPage = await open(taro, "/discover");
    await taroPage.getByRole("searchbox", { name: "ルーム名・トピックで検索" }).fill(name);
    await taroPage.getByRole("button", { name: `参加する: ${name}` }).click();
    await composer(taroPage).waitFor();

    await send(taroPage, "参加しました。よろしくお願いします");
    await expect.poll(() => messageTexts(hanakoPage)).toContain("参加しました。よろしくお願いします");
    await send(hanakoPage, "ようこそ @" + taro.handle + " さん");
    await expect.poll(() => messageTexts(taroPage)).toContain(`ようこそ @${taro.handle} さん`);
    await screenshot(taroPage, "room-desktop");
  });

  it("see each other's reaction and stamp", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const hanakoPage = await open(hanako, `/rooms/${dm.id}`);
    const taroPage = await open(taro, `/rooms/${dm.id}`);
    await send(hanakoPage, "来週ランチどう？");
    await expect.poll(() => messageTexts(taroPage)).toContain("来週ランチどう？");

    const message = taroPage.locator(".message", { hasText: "来週ランチどう？" });
    await message.hover();
    await message.getByRole("button", { name: "リアクション" }).click();
    await message.getByRole("button", { name: "🎉" }).click();
    await expect.poll(() => hanakoPage.locator(".message", { hasText: "来週ランチどう？" }).getByTestId("reactions").textContent()).toContain("🎉1");

    await taroPage.getByTestId("stamp-button").click();
    await taroPage.getByRole("button", { name: "ありがとう" }).click();
    const stamp = hanakoPage.locator(".message img.stamp[alt='ありがとう']");
    await stamp.waitFor();
    // The signed URL loads in an <img>, which sends no token.
    await expect.poll(() => stamp.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await screenshot(hanakoPage, "reaction-and-stamp");
  });

  it("see unread badges count up and clear when the room is read", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const taroPage = await open(taro);
    const hanakoPage = await open(hanako, `/rooms/${dm.id}`);
    await roomItem(taroPage, "山田 花子").waitFor();

    for (const text of ["一つ目", "二つ目", "三つ目"]) await send(hanakoPage, text);
    const badge = roomItem(taroPage, "山田 花子").getByTestId("unread-badge");
    await expect.poll(() => badge.textContent()).toBe("3");
    await expect.poll(() => taroPage.title()).toMatch(/^\(3\)/);

    await roomItem(taroPage, "山田 花子").click();
    await expect.poll(() => messageTexts(taroPage)).toContain("三つ目");
    await expect.poll(() => badge.count()).toBe(0);
    // Read on the server too: a fresh page shows no badge.
    await taroPage.reload();
    await roomItem(taroPage, "山田 花子").waitFor();
    expect(await roomItem(taroPage, "山田 花子").getByTestId("unread-badge").count()).toBe(0);
  });

  it("get a message sent while one was offline after reconnecting, once", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const hanakoPage = await open(hanako, `/rooms/${dm.id}`);
    const taroPage = await open(taro, `/rooms/${dm.id}`);
    await send(hanakoPage, "オンラインのとき");
    await expect.poll(() => messageTexts(taroPage)).toContain("オンラインのとき");

    await taroPage.context().setOffline(true);
    await taroPage.getByTestId("connection-banner").waitFor({ timeout: 30_000 });
    await send(hanakoPage, "オフラインの間に");
    // Taro writes while offline: it waits and goes out once, after the reconnection.
    await send(taroPage, "電車の中から");

    await taroPage.context().setOffline(false);
    await expect.poll(() => messageTexts(taroPage), { timeout: 30_000 }).toContain("オフラインの間に");
    await taroPage.getByTestId("connection-banner").waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(() => messageTexts(hanakoPage), { timeout: 30_000 }).toContain("電車の中から");

    const taroSees = await messageTexts(taroPage);
    expect(taroSees.filter((t) => t === "オフラインの間に")).toHaveLength(1);
    expect(taroSees.filter((t) => t === "電車の中から")).toHaveLength(1);
    const history = await rest<{ items: { text: string }[] }>(taro, `/api/rooms/${dm.id}/messages`);
    expect(history.items.map((m) => m.text)).toEqual(["オンラインのとき", "オフラインの間に", "電車の中から"]);
  });

  it("do not send with the Enter that confirms a Japanese IME conversion; Shift+Enter breaks the line", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const page = await open(hanako, `/rooms/${dm.id}`);
    const box = composer(page);
    await box.fill("かんじ");
    // The keydown a browser sends for the Enter that ends a composition.
    await box.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
      el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", isComposing: true, bubbles: true, cancelable: true }));
      el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "漢字" }));
    });
    await box.press("Shift+Enter");
    await box.pressSequentially("です");
    expect(await box.inputValue()).toBe("かんじ\nです");
    expect(await messageTexts(page)).toEqual([]);
    await box.press("Enter");
    await expect.poll(() => messageTexts(page)).toEqual(["かんじ\nです"]);
  });

  it("keep a message written offline when the tab is closed, and send it once when the page is opened again", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const hanakoPage = await open(hanako, `/rooms/${dm.id}`);
    const taroPage = await open(taro, `/rooms/${dm.id}`);
    const context = taroPage.context();

    await context.setOffline(true);
    await taroPage.getByTestId("connection-banner").waitFor();
    await send(taroPage, "圏外で書きました");
    await taroPage.close();
    await context.setOffline(false);

    const again = await context.newPage();
    watch(again);
    await again.goto(`/rooms/${dm.id}`);
    await expect.poll(() => messageTexts(hanakoPage)).toContain("圏外で書きました");
    await expect.poll(() => messageTexts(again)).toContain("圏外で書きました");
    const history = await rest<{ items: { text: string }[] }>(hanako, `/api/rooms/${dm.id}/messages`);
    expect(history.items.map((m) => m.text)).toEqual(["圏外で書きました"]);
  });
});
