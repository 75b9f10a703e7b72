import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, alumnus, audit, rest, screenshot, useBrowser } from "./browser";

const browsers = useBrowser({ beforeAll, afterEach, afterAll, expect });

interface MailSettings { address: string | null; digests: boolean; broadcastMail: boolean; language: string | null; mailOn: boolean }
interface Outbox { items: { kind: string; memberId: string; recipient: string }[] }

describe("e-mail", () => {
  it("a member gives an address and turns digests off, and the secretariat's news goes to it by e-mail too", async () => {
    const member = await alumnus("高橋 みどり");
    const page = await browsers.open(member, "/profile");
    const settings = page.locator(".mail-settings");
    const address = `midori.${Date.now()}@example.jp`;
    await settings.getByLabel("メールアドレス").fill(address);
    await settings.getByLabel("未読のDMやメンションをメールで知らせる", { exact: false }).uncheck();
    expect(await audit(page)).toEqual([]);
    await settings.scrollIntoViewIfNeeded();
    await screenshot(page, "profile-mail");
    await settings.getByRole("button", { name: "メールの設定を保存" }).click();
    await page.getByText("メールの設定を保存しました").waitFor();
    expect(await rest<MailSettings>(member, "/api/me/mail")).toEqual({ address, digests: false, broadcastMail: true, language: "ja", mailOn: true });

    const secretariat = await admin();
    const composer = await browsers.open(secretariat, "/admin/broadcasts");
    const news = `ホームカミングデーのお知らせ ${Date.now()}`;
    await composer.getByLabel("全メンバーへのお知らせ").fill(news);
    await composer.getByLabel("メールでも送る").check();
    await composer.getByRole("button", { name: "お知らせを送る" }).click();
    await composer.getByText(/人にメールを送ります/).waitFor();
    await expect.poll(async () => (await rest<Outbox>(secretariat, "/api/admin/mail/outbox?limit=100")).items
      .filter((m) => m.kind === "broadcast" && m.memberId === member.id).map((m) => m.recipient)).toEqual([address]);
  });
});
