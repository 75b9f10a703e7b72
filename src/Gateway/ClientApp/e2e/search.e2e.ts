import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { composer, sendMany } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("message search", () => {
  it("finds a message by a Japanese word, marks it in the snippet, and opens the room at that message", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const texts = Array.from({ length: 90 }, (_, i) => `メッセージ ${i + 1}`);
    texts[4] = "去年の忘年会は渋谷でしたね。今年もやりましょう";
    await sendMany(taro, dm.id, texts);

    const page = await browsers.open(hanako, "/");
    await page.getByRole("searchbox", { name: "メッセージを検索" }).first().fill("忘年会");
    await page.getByRole("searchbox", { name: "メッセージを検索" }).first().press("Enter");

    const hit = page.locator(".search-hit", { hasText: "去年の忘年会は渋谷でしたね" });
    await hit.waitFor();
    expect(await hit.locator("mark").allTextContents()).toEqual(["忘年会"]);
    expect(await hit.locator(".hit-room").textContent()).toBe("佐藤 太郎");
    expect(await audit(page)).toEqual([]);
    await screenshot(page, "message-search");

    // The message is 85 back: older pages load until it is there, and the view opens on it.
    await hit.locator("a").click();
    await composer(page).waitFor();
    const focused = page.locator(".message.focused", { hasText: "去年の忘年会は渋谷でしたね" });
    await focused.waitFor();
    await expect.poll(() => focused.evaluate((el) => {
      const shown = el.getBoundingClientRect();
      const view = el.closest(".messages")!.getBoundingClientRect();
      return shown.bottom > view.top && shown.top < view.bottom;
    })).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/rooms/${dm.id}`);
  });
});
