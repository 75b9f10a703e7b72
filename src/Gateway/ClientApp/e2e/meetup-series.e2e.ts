import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, baseUrl, rest, screenshot, useBrowser } from "./browser";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

/** A date about three weeks ahead, at 12:00, as a datetime-local field takes it. */
function inThreeWeeksAtNoon(): string {
  return `${new Date(Date.now() + 21 * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10)}T12:00`;
}

describe("recurring lunch meetups", () => {
  it("a monthly series in the browser's time zone shows its next dates, downloads as a calendar file, and its room's feed opens and closes", async () => {
    const hanako = await alumnus("山田 花子");
    const room = await rest<{ id: string }>(hanako, "/api/rooms", "POST", { name: "毎月のランチ", visibility: "public" });
    const page = await browsers.open(hanako, `/rooms/${room.id}/details`);
    await page.locator(".meetups").waitFor();

    // Hanako plans a lunch that repeats every month on the same weekday of the month, in her own time zone.
    await page.getByRole("button", { name: "ランチ会を予定する" }).click();
    const first = inThreeWeeksAtNoon();
    await page.getByLabel("タイトル").fill("第N曜日ランチ");
    await page.getByLabel("日時").fill(first);
    await page.getByLabel("場所").fill("大手町");
    await page.getByLabel("繰り返し").selectOption({ label: "毎月(第◯週の同じ曜日)" });
    expect(await page.getByLabel("タイムゾーン").inputValue()).toBe("Asia/Tokyo");
    await page.locator(".meetups form").getByRole("button", { name: "ランチ会を予定する" }).click();

    const meetup = page.locator(".meetup", { hasText: "第N曜日ランチ" });
    await meetup.waitFor();
    expect(await meetup.getByTestId("meetup-rule").textContent()).toContain("毎月");
    expect(await meetup.getByTestId("meetup-rule").textContent()).toContain("12:00 (Asia/Tokyo)");
    const next = meetup.getByTestId("meetup-next").locator("li");
    await expect.poll(() => next.count()).toBe(5);
    const firstLabel = new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" })
      .format(new Date(`${first}:00+09:00`));
    expect(await next.first().textContent()).toBe(firstLabel);
    await screenshot(page, "meetup-series");
    expect(await audit(page)).toEqual([]);

    // The meetup's calendar file: her zone, the series' rule.
    const [download] = await Promise.all([page.waitForEvent("download"), meetup.getByRole("link", { name: "カレンダーに追加(.ics)" }).click()]);
    const ics = await readFile((await download.path())!, "utf8");
    expect(ics).toContain(`DTSTART;TZID=Asia/Tokyo:${first.slice(0, 10).replaceAll("-", "")}T120000`);
    expect(ics).toContain("RRULE:FREQ=MONTHLY");

    // The room's feed: an address any calendar app opens without signing in, until she stops it.
    await page.getByRole("button", { name: "カレンダー配信URLを発行" }).click();
    const url = await page.getByLabel("カレンダー配信URL(この画面でのみ表示されます)").inputValue();
    expect(url.startsWith(baseUrl())).toBe(true);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("SUMMARY:第N曜日ランチ");
    await page.getByRole("button", { name: "配信を停止" }).click();
    await page.getByText("カレンダー配信を停止しました。").waitFor();
    expect((await fetch(url)).status).toBe(404);
  });
});
