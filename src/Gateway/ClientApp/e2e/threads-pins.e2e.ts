import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { messageTexts, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

/** The message whose own text is `text` (not a reply quoting it). */
const messageWithText = (page: Page, text: string): Locator =>
  page.locator(".message", { has: page.getByTestId("message-text").getByText(text, { exact: true }) });

describe("a lunch-meetup room", () => {
  it("shows its notice, follows a thread live on both sides, and pins a message for everyone", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const room = await rest<{ id: string }>(hanako, "/api/rooms", "POST", { name: `丸の内ランチ会 ${Date.now()}`, visibility: "public", kind: "meetup" });
    await rest(taro, `/api/rooms/${room.id}/join`, "POST");
    const hanakoPage = await browsers.open(hanako, `/rooms/${room.id}`);
    const taroPage = await browsers.open(taro, `/rooms/${room.id}`);

    // Hanako, the room's owner, sets the notice; Taro sees it at the top of the room as she saves it.
    await hanakoPage.getByRole("button", { name: "お知らせを設定" }).click();
    await hanakoPage.getByLabel("お知らせ", { exact: true }).fill("次回は12月5日(金)12時、丸の内「さくら亭」です。");
    await hanakoPage.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => taroPage.getByTestId("notice").textContent()).toContain("次回は12月5日(金)12時、丸の内「さくら亭」です。");
    expect(await taroPage.getByTestId("notice").textContent()).toContain("山田 花子さん");
    // A plain member cannot change it.
    expect(await taroPage.getByRole("button", { name: "お知らせを削除" }).count()).toBe(0);

    // Taro asks; Hanako answers in the thread of his message.
    await send(taroPage, "12月の幹事はどなたですか？");
    await expect.poll(() => messageTexts(hanakoPage)).toContain("12月の幹事はどなたですか？");
    const question = messageWithText(hanakoPage, "12月の幹事はどなたですか？");
    await question.hover();
    await question.getByRole("button", { name: "スレッド", exact: true }).click();
    const hanakoThread = hanakoPage.locator(".thread-pane");
    await hanakoThread.getByLabel("スレッドへの返信").fill("私がやります");
    await hanakoThread.getByLabel("スレッドへの返信").press("Enter");
    await expect.poll(() => hanakoThread.getByTestId("thread-replies").textContent()).toContain("私がやります");

    // Taro sees "1件の返信" under his question (threadUpdated), opens the thread and answers there.
    const taroQuestion = messageWithText(taroPage, "12月の幹事はどなたですか？");
    await expect.poll(() => taroQuestion.getByTestId("thread-summary").textContent()).toContain("1件の返信");
    await taroQuestion.getByTestId("thread-summary").click();
    const taroThread = taroPage.locator(".thread-pane");
    await expect.poll(() => taroThread.getByTestId("thread-replies").textContent()).toContain("私がやります");
    await taroThread.getByLabel("スレッドへの返信").fill("ありがとうございます！");
    await taroThread.getByLabel("スレッドへの返信").press("Enter");
    await expect.poll(() => hanakoThread.getByTestId("thread-replies").textContent()).toContain("ありがとうございます！");
    await expect.poll(() => question.getByTestId("thread-summary").textContent()).toContain("2件の返信");
    await screenshot(hanakoPage, "thread-and-notice");
    expect(await audit(hanakoPage)).toEqual([]);

    // Hanako pins the question; Taro's header counts it, and his pins list shows it with who pinned it.
    await question.hover();
    await question.getByRole("button", { name: "ピン留め", exact: true }).click();
    await taroPage.getByRole("link", { name: "ピン留め 1" }).click();
    const taroPins = taroPage.getByTestId("pins");
    await expect.poll(() => taroPins.textContent()).toContain("12月の幹事はどなたですか？");
    expect(await taroPins.textContent()).toContain("山田 花子さんがピン留め");
    expect(await taroPins.getByRole("button", { name: "ピン留めを外す" }).count()).toBe(0);
    await screenshot(taroPage, "pins");

    // She unpins it from the message's menu: it leaves his list at once.
    await question.hover();
    await question.getByRole("button", { name: "ピン留めを外す" }).click();
    await taroPage.getByText("ピン留めされたメッセージはありません。").waitFor();
  });
});
