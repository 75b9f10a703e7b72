import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, rest, useBrowser } from "./browser";
import { messageTexts, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("message text", () => {
  it("is shown as text: markup is not interpreted and no script runs", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const hanakoPage = await browsers.open(hanako, `/rooms/${dm.id}`);
    const taroPage = await browsers.open(taro, `/rooms/${dm.id}`);
    let dialogs = 0;
    taroPage.on("dialog", (d) => { dialogs++; void d.dismiss(); });
    const evil = "<img src=x onerror=alert(1)>";

    await send(hanakoPage, evil);

    await expect.poll(() => messageTexts(taroPage)).toContain(evil);
    expect(await taroPage.locator(".message-list img:not(.stamp)").count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it("makes web links clickable, opening in a new tab without the page's referrer", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    const dm = await rest<{ id: string }>(hanako, "/api/dms", "POST", { memberId: taro.id });
    const page = await browsers.open(hanako, `/rooms/${dm.id}`);
    await send(page, "資料です https://example.com/slides?id=1 と javascript:alert(1)");
    const link = page.locator(".message-list a");
    await link.first().waitFor();
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("href")).toBe("https://example.com/slides?id=1");
    expect(await link.getAttribute("rel")).toContain("noopener");
    expect(await link.getAttribute("target")).toBe("_blank");
  });

  it("is served with a strict Content-Security-Policy on the client's pages", async () => {
    const hanako = await alumnus("山田 花子");
    const page = await browsers.open(hanako);
    const response = await page.request.get("/rooms/anything");
    const policy = response.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline' ; script");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
