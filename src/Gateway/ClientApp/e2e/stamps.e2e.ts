import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, audit, rest, screenshot, useBrowser } from "./browser";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });
/** The sample stamps the README uploads too. */
const samples = join(import.meta.dirname, "..", "..", "..", "..", "docs", "stamps");

/** Whether an image has loaded (a signed URL in an <img>, which sends no token). */
const loaded = (image: Locator) => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

const pack = (page: Page, name: string) => page.getByTestId("stamp-picker").locator("section", { has: page.locator("h3", { hasText: name }) });

describe("stamp packs", () => {
  it("uploaded by the secretariat are sent by a member and seen by the other, on pages opened before the upload", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const hanakoPage = await browsers.open(hanako, `/rooms/${dm.id}`);
    const taroPage = await browsers.open(taro, `/rooms/${dm.id}`);

    const name = `社内スタンプ ${Date.now()}`;
    const adminPage = await browsers.open(await admin(), "/admin/stamps");
    await adminPage.getByLabel("スタンプパック名").fill(name);
    await adminPage.getByLabel("画像 (PNG・WebP・SVG、各256KBまで)").setInputFiles([join(samples, "kanpai.png"), join(samples, "otsukare.svg")]);
    await adminPage.getByRole("button", { name: "アップロード" }).click();
    await adminPage.locator(".toast", { hasText: "スタンプパックを追加しました" }).waitFor();
    // The new pack, both images shown.
    for (const label of ["kanpai", "otsukare"]) await expect.poll(() => loaded(pack(adminPage, name).getByRole("button", { name: label }).locator("img"))).toBe(true);
    await screenshot(adminPage, "admin-stamps");
    expect(await audit(adminPage)).toEqual([]);

    // Hanako's page was open all along: the picker shows the new pack.
    await hanakoPage.getByTestId("stamp-button").click();
    await pack(hanakoPage, name).getByRole("button", { name: "kanpai" }).click();
    const sent = hanakoPage.locator(".message.mine img.stamp[alt='kanpai']");
    await sent.waitFor();

    // Taro's page knew nothing of the pack: the stamp shows all the same, large and loaded.
    const received = taroPage.locator(".message img.stamp[alt='kanpai']");
    await received.waitFor();
    await expect.poll(() => loaded(received)).toBe(true);
    await expect.poll(() => loaded(sent)).toBe(true);
    await screenshot(taroPage, "stamp-received");

    // The SVG stamp too, the other way.
    await taroPage.getByTestId("stamp-button").click();
    await pack(taroPage, name).getByRole("button", { name: "otsukare" }).click();
    const svg = hanakoPage.locator(".message img.stamp[alt='otsukare']");
    await svg.waitFor();
    await expect.poll(() => loaded(svg)).toBe(true);
  });
});
