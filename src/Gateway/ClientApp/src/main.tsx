import { render } from "preact";
import { Chat, savedLang } from "./chat/chat";
import { navigate } from "./chat/router";
import { chooseLang } from "./i18n/i18n";
import "./styles.css";
import { App } from "./ui/App";
import { ChatContext } from "./ui/context";

const chat = new Chat(chooseLang(savedLang(), navigator.languages ?? [navigator.language]));
document.documentElement.lang = chat.state.lang;
chat.onNavigate(navigate);

// The operator's accent colour (the company's), when configured.
chat.store.subscribe(() => {
  const accent = chat.state.config.accentColor;
  if (accent) document.documentElement.style.setProperty("--accent", accent);
});

render(
  <ChatContext.Provider value={chat}>
    <App />
  </ChatContext.Provider>,
  document.getElementById("app")!,
);
void chat.start();
