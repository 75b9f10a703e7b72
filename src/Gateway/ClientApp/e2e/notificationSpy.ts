import type { BrowserContext, Page } from "playwright-core";
import { baseUrl } from "./browser";

export interface Shown {
  title: string;
  body: string;
  tag: string;
}

/**
 * A person who allowed notifications, in a page whose visibility the test sets. The page reads
 * `document.visibilityState` and hears `visibilitychange` as it would when the tab is switched; the
 * browser's Notification is wrapped so that every notification the page shows is recorded.
 */
export async function allowingNotifications(context: BrowserContext): Promise<void> {
  await context.grantPermissions(["notifications"], { origin: baseUrl() });
  await context.addInitScript(() => {
    let hidden = false;
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    const page = window as unknown as { setHidden(h: boolean): void; shown: Notification[] };
    page.setHidden = (h: boolean) => {
      hidden = h;
      document.dispatchEvent(new Event("visibilitychange"));
    };
    page.shown = [];
    const Real = window.Notification;
    const Recorded = function (this: Notification, title: string, options?: NotificationOptions) {
      const notification = new Real(title, options);
      page.shown.push(notification);
      return notification;
    } as unknown as typeof Notification;
    Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
    Object.defineProperty(Recorded, "requestPermission", { value: Real.requestPermission.bind(Real) });
    Recorded.prototype = Real.prototype;
    window.Notification = Recorded;
  });
}

export const setHidden = (page: Page, hidden: boolean) => page.evaluate((h) => (window as unknown as { setHidden(h: boolean): void }).setHidden(h), hidden);

export const shown = (page: Page): Promise<Shown[]> =>
  page.evaluate(() => (window as unknown as { shown: Notification[] }).shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag })));
