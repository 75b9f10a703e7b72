import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, screenshot, useBrowser } from "./browser";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

/** A `datetime-local` value, in the browser's zone, for a time some hours from now. */
function localValue(hoursFromNow: number): string {
  const at = new Date(Date.now() + hoursFromNow * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describe("scheduled news", () => {
  it("is written for a set time, listed, edited and cancelled before it goes out", async () => {
    const secretariat = await admin();
    const page = await browsers.open(secretariat, "/admin/broadcasts");
    const news = `新年会のお知らせ ${Date.now()}`;
    await page.getByLabel("全メンバーへのお知らせ").fill(news);
    await page.getByLabel("日時を指定して送る").check();
    await page.getByLabel("送信日時").fill(localValue(24));
    await page.getByRole("button", { name: "予約する" }).click();

    const pending = page.getByTestId("scheduled-broadcast").filter({ hasText: news });
    await pending.waitFor();
    expect(await pending.textContent()).toContain("に送信");
    // Scheduled, not sent: the recent posts do not have it.
    const posted = page.locator(".broadcasts li:not([data-testid=scheduled-broadcast])", { hasText: news });
    expect(await posted.count()).toBe(0);
    await screenshot(page, "admin-scheduled-broadcast");

    await pending.getByRole("button", { name: "編集" }).click();
    await page.locator("textarea[id^=scheduled-text-]").fill(`${news}（会場変更）`);
    await page.getByRole("button", { name: "保存" }).click();
    const edited = page.getByTestId("scheduled-broadcast").filter({ hasText: `${news}（会場変更）` });
    await edited.waitFor();

    page.once("dialog", (dialog) => void dialog.accept());
    await edited.getByRole("button", { name: "送信を取り消す" }).click();
    await expect.poll(() => page.getByTestId("scheduled-broadcast").filter({ hasText: news }).count()).toBe(0);
    expect(await posted.count()).toBe(0);
  });
});
