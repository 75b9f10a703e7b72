import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, audit, screenshot, useBrowser } from "./browser";
import { composer } from "./steps";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

describe("opportunities", () => {
  it("the secretariat posts a job, an alumnus says interested with a note, and the secretariat opens a DM from it", async () => {
    const secretariat = await admin();
    const candidate = await alumnus("中村 けんじ");
    const title = `カムバック採用 ${Date.now() % 100000}`;

    const office = await browsers.open(secretariat, "/opportunities");
    await office.getByRole("button", { name: "募集を掲載する" }).click();
    const form = office.getByRole("form", { name: "募集を掲載する" });
    await form.getByLabel("タイトル").fill(title);
    await form.getByLabel("勤務地・場所").fill("東京・丸の内");
    await form.getByLabel("リモート可").check();
    await form.getByLabel("内容").fill("以前の部署への復帰も歓迎します。");
    await form.getByRole("button", { name: "掲載してお知らせする" }).click();
    await office.getByRole("heading", { name: title }).waitFor();

    const page = await browsers.open(candidate, "/opportunities");
    await page.locator(".opportunity-card", { hasText: title }).click();
    await page.getByRole("heading", { name: title }).waitFor();
    expect(await audit(page)).toEqual([]);
    await screenshot(page, "opportunity");
    await page.getByLabel("掲載者へのひとこと(任意)").fill("来春から戻れます");
    await page.getByRole("button", { name: "興味あり" }).click();
    await page.getByRole("button", { name: "興味ありを取り消す" }).waitFor();

    await office.reload();
    const interest = office.locator(".interest-list li", { hasText: "中村 けんじ" });
    await interest.getByText("来春から戻れます").waitFor();
    await interest.getByRole("button", { name: "メッセージを送る" }).click();
    await composer(office).waitFor();
    expect(office.url()).toMatch(/\/rooms\/d_/);
  });
});
