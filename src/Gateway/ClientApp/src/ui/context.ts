import { createContext } from "preact";
import { useContext, useEffect } from "preact/hooks";
import type { Chat } from "../chat/chat";
import type { AppState } from "../chat/state";
import { useSelect } from "../state/store";

export const ChatContext = createContext<Chat | null>(null);

export function useChat(): Chat {
  const chat = useContext(ChatContext);
  if (!chat) throw new Error("no chat in context");
  return chat;
}

/** A part of the app's state, kept current, and the translator for the current language. */
export function useApp<T>(select: (state: AppState) => T): T {
  return useSelect(useChat().store, select);
}

export function useT() {
  const chat = useChat();
  useApp((s) => s.lang);
  return chat.t;
}

/** Asks the hub for these members' presence while the component shows them. */
export function useWatchPresence(memberIds: readonly string[]): void {
  const chat = useChat();
  const key = memberIds.join(" ");
  useEffect(() => chat.watchPresence(memberIds), [key]);
}
