import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { composer } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("polls", () => {
  it("posted from the composer show one member's vote live in the other's browser, and a changed vote moves the counts", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const room = await rest<{ id: string }>(hanako, "/api/rooms", "POST", { name: "忘年会の相談", visibility: "public" });
    await rest(taro, `/api/rooms/${room.id}/join`, "POST");

    // Hanako asks the room where to meet, from the composer.
    const hanakoPage = await browsers.open(hanako, `/rooms/${room.id}`);
    await composer(hanakoPage).waitFor();
    await hanakoPage.getByTestId("poll-button").click();
    await hanakoPage.getByLabel("質問").fill("忘年会の場所はどこがいいですか？");
    await hanakoPage.getByLabel("選択肢1").fill("渋谷");
    await hanakoPage.getByLabel("選択肢2").fill("新宿");
    await hanakoPage.getByRole("button", { name: "投票を投稿" }).click();
    const hanakoCard = hanakoPage.getByTestId("poll-card");
    await hanakoCard.waitFor();
    expect(await hanakoCard.textContent()).toContain("0人が投票");

    // Taro, in his own browser, sees the poll in the timeline and votes.
    const taroPage = await browsers.open(taro, `/rooms/${room.id}`);
    const taroCard = taroPage.getByTestId("poll-card");
    await taroCard.waitFor();
    await taroCard.getByLabel("新宿").check();
    await taroCard.getByRole("button", { name: "投票する" }).click();
    await expect.poll(() => taroCard.getByRole("button", { name: "投票を変更" }).count()).toBe(1);

    // Hanako's card, open all along, counts his vote and names him (a named poll): the poll event.
    await expect.poll(() => hanakoCard.textContent()).toContain("1人が投票");
    await expect.poll(() => hanakoCard.getByTestId("poll-count").allTextContents()).toEqual(["0票", "1票"]);
    expect(await hanakoCard.textContent()).toContain("佐藤 太郎");
    await screenshot(hanakoPage, "poll-live");
    expect(await audit(hanakoPage)).toEqual([]);

    // He changes his mind; her counts follow.
    await taroCard.getByLabel("渋谷").check();
    await taroCard.getByRole("button", { name: "投票を変更" }).click();
    await expect.poll(() => hanakoCard.getByTestId("poll-count").allTextContents()).toEqual(["1票", "0票"]);

    // She closes it: his card says so and takes no more votes.
    hanakoPage.once("dialog", (d) => void d.accept());
    await hanakoCard.getByRole("button", { name: "締め切る" }).click();
    await expect.poll(() => taroCard.textContent()).toContain("締め切りました");
    expect(await taroCard.getByRole("button", { name: "投票を変更" }).count()).toBe(0);
  });
});
