import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import type { Locator, Page } from "playwright-core";
import { baseUrl, type Account } from "./browser";

/** The composer's text box, in either language. */
export const composer = (page: Page): Locator => page.locator(".composer textarea");

/** Types a message and presses Enter, as a person on a desktop does. */
export async function send(page: Page, text: string): Promise<void> {
  const box = composer(page);
  await box.fill(text);
  await box.press("Enter");
  await page.locator(".composer textarea:placeholder-shown").waitFor();
}

/** The texts of the messages shown (sent and pending), in order. */
export function messageTexts(page: Page): Promise<string[]> {
  return page.locator(".message-list [data-testid='message-text'], .message-list .pending .bubble").allTextContents();
}

/** A room in the room list, by its name as shown. */
export const roomItem = (page: Page, name: string): Locator => page.locator(".room-item", { has: page.locator(".room-name", { hasText: name }) });

export async function openRoom(page: Page, name: string): Promise<void> {
  await roomItem(page, name).click();
  await composer(page).waitFor();
}

/** Sends messages as a program would, through the official client under Node (token in the header). */
export async function sendMany(account: Account, roomId: string, texts: string[]): Promise<void> {
  const hub = new HubConnectionBuilder()
    .withUrl(`${baseUrl()}/hubs/chat`, { accessTokenFactory: () => account.token })
    // It reads no events: the room's echoes of its own sends would only be warned about, once each.
    .configureLogging(LogLevel.Error)
    .build();
  await hub.start();
  try {
    for (const text of texts) await hub.invoke("SendMessage", roomId, { clientMsgId: crypto.randomUUID(), text });
  } finally {
    await hub.stop();
  }
}
