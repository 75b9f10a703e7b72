import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, rest, signedIn, useBrowser } from "./browser";
import { allowingNotifications, setHidden, shown } from "./notificationSpy";
import { composer, messageTexts, roomItem, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("browser notifications", () => {
  it("show a DM and a mention while the tab is hidden, none while it is visible, and open the conversation when clicked", async () => {
    const hanako = await alumnus("山田 花子", "yamada");
    const taro = await alumnus("佐藤 太郎", "sato");
    const room = await rest<{ id: string }>(taro, "/api/rooms", "POST", { name: `同期会 ${Date.now()}`, visibility: "public" });
    await rest(hanako, `/api/rooms/${room.id}/join`, "POST");

    const context = await browsers.context();
    await allowingNotifications(context);
    // Her page shows the room list: neither the room nor the DM has been opened.
    const hanakoPage = await signedIn(context, hanako);
    // Notifications are allowed: the menu does not ask for them.
    expect(await hanakoPage.getByRole("button", { name: "通知を受け取る" }).count()).toBe(0);

    // Hanako switches to another tab; Taro opens a DM with her from the directory, a DM her page has not seen yet.
    await setHidden(hanakoPage, true);
    const taroPage = await browsers.open(taro, `/directory/${hanako.id}`);
    await taroPage.getByRole("button", { name: "メッセージを送る" }).click();
    await composer(taroPage).waitFor();
    await send(taroPage, "来週の同期会、来られますか？");
    await expect.poll(() => shown(hanakoPage)).toEqual([
      expect.objectContaining({ title: "佐藤 太郎さんからメッセージ", body: "来週の同期会、来られますか？" }),
    ]);

    // While she looks at the page, a DM shows in the room list and no notification.
    await setHidden(hanakoPage, false);
    await send(taroPage, "見ていますか？");
    await expect.poll(() => roomItem(hanakoPage, "佐藤 太郎").textContent()).toContain("見ていますか？");
    expect(await shown(hanakoPage)).toHaveLength(1);

    // Hidden again: a mention in the room shows one.
    await setHidden(hanakoPage, true);
    await taroPage.goto(`/rooms/${room.id}`);
    await composer(taroPage).waitFor();
    await send(taroPage, `@${hanako.handle} 幹事をお願いできますか？`);
    await expect.poll(() => shown(hanakoPage)).toHaveLength(2);
    expect((await shown(hanakoPage))[1]).toMatchObject({ title: "佐藤 太郎さんがあなたをメンションしました", body: `@${hanako.handle} 幹事をお願いできますか？` });

    // A click on the DM's notification brings her to the DM.
    await hanakoPage.evaluate(() => (window as unknown as { shown: Notification[] }).shown[0].onclick?.(new Event("click")));
    await setHidden(hanakoPage, false);
    await expect.poll(() => messageTexts(hanakoPage)).toEqual(["来週の同期会、来られますか？", "見ていますか？"]);
  });

  it("appear in English for a member who reads English", async () => {
    const mary = await alumnus("Mary Smith", "mary");
    const ken = await alumnus("Ken Ito", "ken");
    const dm = await rest<{ id: string }>(ken, "/api/dms", "POST", { memberId: mary.id });

    const context = await browsers.context({ locale: "en-US" });
    await allowingNotifications(context);
    const maryPage = await signedIn(context, mary);
    await roomItem(maryPage, "Ken Ito").waitFor();
    await setHidden(maryPage, true);

    const kenPage = await browsers.open(ken, `/rooms/${dm.id}`);
    await send(kenPage, "Lunch on Friday?");
    await expect.poll(() => shown(maryPage)).toEqual([expect.objectContaining({ title: "Message from Ken Ito", body: "Lunch on Friday?" })]);
  });
});
