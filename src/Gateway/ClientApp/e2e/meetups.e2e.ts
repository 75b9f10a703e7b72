import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { composer, send } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

/** A week from now at 12:00 in Tokyo, as a datetime-local field takes it there, and as the UTC instant it means. */
function nextWeekAtNoonInTokyo(): { local: string; utc: string } {
  const day = new Date(Date.now() + 7 * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
  return { local: `${day}T12:00`, utc: new Date(`${day}T03:00:00Z`).toISOString() };
}

/** The room's details, opened again from the conversation, as a member does to look at the meetups. */
async function openDetails(page: Page): Promise<void> {
  await page.getByRole("link", { name: "詳細" }).click();
  await page.locator(".meetups").waitFor();
}

const textOrNull = async (locator: Locator) => ((await locator.count()) > 0 ? locator.textContent() : null);

describe("lunch-meetup rooms", () => {
  it("show the upcoming meetup, and one member's RSVP as it changes reaches the other", async () => {
    const hanako = await alumnus("山田 花子");
    const taro = await alumnus("佐藤 太郎");
    // Only this test makes lunch-meetup rooms in a run (each run has a server of its own).
    const name = "渋谷ランチ会";

    // Hanako starts a lunch-meetup room and plans the next meetup in it.
    const hanakoPage = await browsers.open(hanako, "/discover");
    await hanakoPage.getByText("ルームを作る").first().click();
    await hanakoPage.getByLabel("ランチ会ルーム").check();
    await hanakoPage.getByLabel("ルーム名", { exact: true }).fill(name);
    // She looks whether the room exists already: it does not, and her choice stays.
    await hanakoPage.getByRole("searchbox", { name: "ルーム名・トピックで検索" }).fill(name);
    await hanakoPage.getByText("公開ルームが見つかりませんでした。新しく作ってみましょう。").waitFor();
    expect(await hanakoPage.getByLabel("ランチ会ルーム").isChecked()).toBe(true);
    await hanakoPage.getByRole("button", { name: "ルームを作る" }).click();
    await composer(hanakoPage).waitFor();
    await send(hanakoPage, "12月のランチ会を予定しました。詳細から参加・不参加を教えてください");
    await openDetails(hanakoPage);
    await hanakoPage.getByText("予定されているランチ会はありません。").waitFor();
    await hanakoPage.getByRole("button", { name: "ランチ会を予定する" }).click();
    const when = nextWeekAtNoonInTokyo();
    await hanakoPage.getByLabel("タイトル").fill("12月のランチ会");
    await hanakoPage.getByLabel("日時").fill(when.local);
    await hanakoPage.getByLabel("場所").fill("渋谷 ○○食堂");
    await hanakoPage.locator(".meetups form").getByRole("button", { name: "ランチ会を予定する" }).click();
    const hanakoMeetup = hanakoPage.locator(".meetup", { hasText: "12月のランチ会" });
    await hanakoMeetup.waitFor();
    expect(await hanakoMeetup.textContent()).toContain("渋谷 ○○食堂");

    // Taro finds the room and joins; the meetup is there, at the time she meant.
    const room = (await rest<{ items: { id: string; name: string; kind: string }[] }>(taro, `/api/rooms/discover?q=${encodeURIComponent(name)}`)).items[0];
    expect(room.kind).toBe("meetup");
    await rest(taro, `/api/rooms/${room.id}/join`, "POST");
    const planned = await rest<{ items: { startsAt: string; durationMinutes: number }[] }>(taro, `/api/rooms/${room.id}/meetups?upcoming=true`);
    expect(planned.items.map((m) => [new Date(m.startsAt).toISOString(), m.durationMinutes])).toEqual([[when.utc, 60]]);

    const taroPage = await browsers.open(taro, `/rooms/${room.id}/details`);
    const taroMeetup = taroPage.locator(".meetup", { hasText: "12月のランチ会" });
    await taroMeetup.waitFor();
    const date = new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(new Date(when.utc));
    expect(await taroMeetup.textContent()).toContain(date);
    // He cannot plan meetups in her room; he can answer.
    expect(await taroPage.getByRole("button", { name: "ランチ会を予定する" }).count()).toBe(0);

    const answers: [string, string, string | null, string | null][] = [
      ["参加", "参加 1 ・ 未定 0", "参加: 佐藤 太郎", null],
      ["未定", "参加 0 ・ 未定 1", null, "未定: 佐藤 太郎"],
      ["不参加", "参加 0 ・ 未定 0", null, null],
    ];
    for (const [answer, counts, going, maybe] of answers) {
      await taroMeetup.getByRole("button", { name: answer, exact: true }).click();
      await expect.poll(() => taroMeetup.getByRole("button", { name: answer, exact: true }).getAttribute("aria-pressed")).toBe("true");
      expect(await taroMeetup.textContent()).toContain(counts);

      // Hanako's meetup pane, open all along, shows his answer as he gives it (the meetupUpdated event).
      await expect.poll(() => hanakoMeetup.textContent()).toContain(counts);
      await expect.poll(() => textOrNull(hanakoMeetup.getByTestId("meetup-going"))).toBe(going);
      await expect.poll(() => textOrNull(hanakoMeetup.getByTestId("meetup-maybe"))).toBe(maybe);
      // Her own answer is hers: none yet.
      expect(await hanakoMeetup.locator("[aria-pressed='true']").count()).toBe(0);
      if (answer === "参加") {
        await screenshot(hanakoPage, "meetup-rsvp");
        expect(await audit(hanakoPage)).toEqual([]);
      }
    }
  });
});
