import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, signedIn, useBrowser } from "./browser";
import { allowingNotifications, setHidden, shown } from "./notificationSpy";
import { composer, roomItem, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("@all and muting a room's notifications", () => {
  it("offer @all in the completion; once a member mutes the room its @all notifies her no more, a personal mention still does", async () => {
    const taro = await alumnus("佐藤 太郎", "sato");
    const hanako = await alumnus("山田 花子", "yamada");
    const name = `渋谷ランチ会 ${Date.now()}`;
    const room = await rest<{ id: string }>(taro, "/api/rooms", "POST", { name, visibility: "public" });
    await rest(hanako, `/api/rooms/${room.id}/join`, "POST");

    const context = await browsers.context();
    await allowingNotifications(context);
    const hanakoPage = await signedIn(context, hanako, `/rooms/${room.id}`);
    await composer(hanakoPage).waitFor();
    await setHidden(hanakoPage, true);

    // Taro, in a room of two, is offered @all; Enter picks it.
    const taroPage = await browsers.open(taro, `/rooms/${room.id}`);
    const box = composer(taroPage);
    await box.waitFor();
    await box.click();
    await box.pressSequentially("@al");
    const options = taroPage.getByRole("listbox", { name: "メンションの候補" }).getByRole("option");
    await expect.poll(() => options.allTextContents()).toEqual(["このルームの全員 @all"]);
    expect(await audit(taroPage)).toEqual([]);
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toBe("@all ");
    await box.pressSequentially("明日のランチは12時からです");
    await box.press("Enter");
    await expect.poll(() => shown(hanakoPage)).toEqual([
      expect.objectContaining({ title: "佐藤 太郎さんがあなたをメンションしました", body: "@all 明日のランチは12時からです" }),
    ]);

    // Hanako mutes the room from its header: the room list says so, and so does the server.
    await setHidden(hanakoPage, false);
    const toggle = hanakoPage.getByRole("button", { name: "通知をミュート" });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    await roomItem(hanakoPage, name).getByTestId("muted-mark").waitFor();
    expect(await roomItem(hanakoPage, name).getAttribute("aria-label")).toContain("通知ミュート中");
    const listed = await rest<{ items: { id: string; notificationsMuted: boolean }[] }>(hanako, "/api/rooms");
    expect(listed.items.find((r) => r.id === room.id)?.notificationsMuted).toBe(true);
    await screenshot(hanakoPage, "room-notifications-muted");
    expect(await audit(hanakoPage)).toEqual([]);

    // Muted: the next @all raises nothing; a mention of her by handle, sent after it, still does.
    await setHidden(hanakoPage, true);
    await send(taroPage, "@all 場所は渋谷駅前です");
    await send(taroPage, `@${hanako.handle} 予約をお願いできますか？`);
    await expect.poll(() => shown(hanakoPage)).toHaveLength(2);
    expect((await shown(hanakoPage))[1]).toMatchObject({ body: `@${hanako.handle} 予約をお願いできますか？` });

    // Unmuting takes the mark away.
    await setHidden(hanakoPage, false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => roomItem(hanakoPage, name).getByTestId("muted-mark").count()).toBe(0);
  });
});
