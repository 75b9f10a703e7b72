import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel, type IRetryPolicy } from "@microsoft/signalr";

/** Never gives up: quick first retries, then every 10 seconds (a phone on a train comes back eventually). */
export const retryForever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context) => [0, 1000, 2000, 5000][context.previousRetryCount] ?? 10_000,
};

export interface HubCallbacks {
  onState(state: "connecting" | "connected" | "reconnecting" | "disconnected"): void;
  /** The server's "ready": the connection is in all the member's rooms; time to fetch what was missed. */
  onReady(): void;
  /** The connection closed for good (signed out elsewhere, token revoked, server gone). */
  onClosed(error?: Error): void;
  events: Record<string, (payload: never) => void>;
}

/** The hub connection of the signed-in member: the official client, automatic reconnect, our event names. */
export function createHub(token: () => string | null, callbacks: HubCallbacks): HubConnection {
  const hub = new HubConnectionBuilder()
    // In a browser the token travels as access_token in the WebSocket URL: browsers cannot set headers there.
    .withUrl("/hubs/chat", { accessTokenFactory: () => token() ?? "" })
    .withAutomaticReconnect(retryForever)
    .withServerTimeout(20_000)
    .withKeepAliveInterval(10_000)
    .configureLogging(LogLevel.Warning)
    .build();
  hub.on("ready", () => callbacks.onReady());
  for (const [name, handler] of Object.entries(callbacks.events)) hub.on(name, handler as (payload: unknown) => void);
  hub.onreconnecting(() => callbacks.onState("reconnecting"));
  hub.onreconnected(() => callbacks.onState("connected"));
  hub.onclose((error) => {
    callbacks.onState("disconnected");
    callbacks.onClosed(error);
  });
  return hub;
}

export const isConnected = (hub: HubConnection | null): hub is HubConnection => hub?.state === HubConnectionState.Connected;
