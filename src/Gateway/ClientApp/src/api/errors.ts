/** A refusal from the server, REST or hub, with the contract's error code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const codes = ["unauthorized", "forbidden", "not_found", "invalid", "conflict", "rate_limited", "too_large", "unavailable", "internal"];

/** The code at the start of a hub error ("forbidden: not a member of this room"), or null when there is none. */
export function hubErrorCode(message: string): string | null {
  // SignalR prefixes server errors: "An unexpected error occurred invoking 'X' on the server. HubException: code: …".
  const text = message.replace(/^.*HubException:\s*/, "");
  const code = text.split(":", 1)[0].trim();
  return codes.includes(code) ? code : null;
}

/** A hub failure as an ApiError; failures without a code are connection problems ("network"). */
export function fromHubError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = hubErrorCode(message);
  return new ApiError(code ?? "network", message);
}
