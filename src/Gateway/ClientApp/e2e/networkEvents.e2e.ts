import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, audit, rest, screenshot, useBrowser } from "./browser";
import { composer } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("network events", () => {
  it("the secretariat plans a reunion with one place, the next alumnus waits and moves up when the place frees", async () => {
    const secretariat = await admin();
    const first = await alumnus("松本 たかし");
    const second = await alumnus("井上 さくら");
    const title = `秋の同窓会 ${Date.now() % 100000}`;

    const office = await browsers.open(secretariat, "/events");
    await office.getByRole("button", { name: "イベントを企画する" }).click();
    const form = office.getByRole("form", { name: "イベントを企画する" });
    await form.getByLabel("タイトル").fill(title);
    // A month from now, as the browser's date-and-time field takes it (local time).
    const when = new Date(Date.now() + 30 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    await form.getByLabel("開始日時").fill(`${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T18:30`);
    await form.getByLabel("会場").fill("渋谷");
    await form.getByLabel("定員(空欄なら制限なし)").fill("1");
    await form.getByRole("button", { name: "作成する" }).click();
    await office.getByRole("heading", { name: title }).waitFor();

    const events = await rest<{ items: { id: string; title: string }[] }>(first, "/api/events");
    const id = events.items.find((e) => e.title === title)!.id;
    await rest(first, `/api/events/${id}/rsvp`, "PUT", { response: "going" });

    const page = await browsers.open(second, "/events");
    const card = page.locator(".event-card", { hasText: title });
    await card.getByRole("button", { name: "キャンセル待ちに登録" }).click();
    await card.getByText("キャンセル待ち 1番目です").waitFor();
    expect(await audit(page)).toEqual([]);
    await screenshot(page, "events");

    await rest(first, `/api/events/${id}/rsvp`, "PUT", { response: "declined" });
    await page.getByText(`空きが出たため「${title}」への参加が確定しました`).waitFor();
    await page.reload();
    await page.locator(".event-card", { hasText: title }).getByText("参加予定です").waitFor();
    await page.locator(".event-card", { hasText: title }).getByRole("link", { name: "イベントのトークを開く" }).click();
    await composer(page).waitFor();
  });
});
