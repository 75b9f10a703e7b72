import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { ADMIN } from "./server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = process.env.COMMUNITY_E2E_ARTIFACTS ?? join(import.meta.dirname, "..", "test-results");

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (scripts/test.sh does).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export const baseUrl = () => inject("baseUrl");

/** A browser context as one person: their language, their screen, their own storage. */
export async function person(browser: Browser, options: { locale?: string; phone?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
  });
  context.setDefaultTimeout(10_000);
  return context;
}

export interface Account {
  id: string;
  handle: string;
  displayName: string;
  token: string;
}

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

let adminToken: string | undefined;

export async function admin(): Promise<Account> {
  const answer = await api<{ token: string; member: { id: string; displayName: string } }>("/api/auth/login", { method: "POST", body: ADMIN });
  adminToken = answer.token;
  return { id: answer.member.id, handle: ADMIN.handle, displayName: answer.member.displayName, token: answer.token };
}

export async function invite(count = 1): Promise<string[]> {
  const token = adminToken ?? (await admin()).token;
  return (await api<{ codes: string[] }>("/api/admin/invitations", { method: "POST", token, body: { count } })).codes;
}

let serial = 0;

/**
 * A new alumnus signed up through the API (the sign-up form has a test of its own). Their handle
 * starts with `handlePrefix` when given (for what completes handles), and is unique in the run.
 */
export async function alumnus(displayName: string, handlePrefix = "u"): Promise<Account> {
  const [code] = await invite();
  const handle = `${handlePrefix}${process.pid % 1000}${Date.now() % 100000}${++serial}`;
  const answer = await api<{ token: string; member: { id: string } }>("/api/auth/register", {
    method: "POST",
    body: { inviteCode: code, handle, displayName, password: "a-long-password" },
  });
  return { id: answer.member.id, handle, displayName, token: answer.token };
}

export function rest<T>(account: Account, path: string, method = "GET", body?: unknown): Promise<T> {
  return api<T>(path, { method, token: account.token, body });
}

/** Opens the client already signed in as the account (its token in the page's storage, as after signing in). */
export async function signedIn(context: BrowserContext, account: Account, path = "/"): Promise<Page> {
  await context.addInitScript((token: string) => {
    if (!localStorage.getItem("community.token")) localStorage.setItem("community.token", token);
  }, account.token);
  const page = await context.newPage();
  watch(page);
  await page.goto(path);
  await page.locator(".sidebar").waitFor();
  return page;
}

/** Script errors and CSP violations seen on any page; each test file checks that there were none. */
export const pageProblems: string[] = [];

export function watch(page: Page): void {
  page.on("pageerror", (error) => pageProblems.push(`script error on the page: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(`CSP violation: ${message.text()}`);
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core's WCAG 2 A and AA rules in the page; returns the violations, described. */
export async function audit(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ")})` : ""}`).join("; ")}`);
  });
  return violations;
}

/** One browser per test file; every test's contexts closed after it, with no script error or CSP violation left. */
export function useBrowser(hooks: { beforeAll: typeof import("vitest").beforeAll; afterEach: typeof import("vitest").afterEach; afterAll: typeof import("vitest").afterAll; expect: typeof import("vitest").expect }) {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  hooks.beforeAll(async () => {
    browser = await launch();
  });
  hooks.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    hooks.expect(pageProblems.splice(0)).toEqual([]);
  });
  hooks.afterAll(async () => {
    await browser?.close();
  });
  return {
    async context(options: { locale?: string; phone?: boolean } = {}): Promise<BrowserContext> {
      if (!browser) throw new Error("the browser has not started");
      const context = await person(browser, options);
      contexts.push(context);
      return context;
    },
    async open(account: Account, path = "/", options: { locale?: string; phone?: boolean } = {}): Promise<Page> {
      return signedIn(await this.context(options), account, path);
    },
  };
}
