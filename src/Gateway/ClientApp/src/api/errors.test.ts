import { describe, expect, it } from "vitest";
import { fromHubError, hubErrorCode } from "./errors";

describe("hub errors", () => {
  it("read the contract's code at the start of the message", () => {
    expect(hubErrorCode("forbidden: not a member of this room")).toBe("forbidden");
    expect(hubErrorCode("An unexpected error occurred invoking 'SendMessage' on the server. HubException: rate_limited: slow down")).toBe("rate_limited");
  });

  it("treat a failure without a code as a connection problem, to be retried", () => {
    expect(fromHubError(new Error("Invocation canceled due to the underlying connection being closed.")).code).toBe("network");
    expect(fromHubError(new Error("conflict: try again")).code).toBe("conflict");
  });

  it("know the codes of a server that stopped under the call and of a server failure", () => {
    expect(hubErrorCode("unavailable: a server of the network stopped while handling this")).toBe("unavailable");
    expect(hubErrorCode("internal: the server failed to carry out the call")).toBe("internal");
  });
});
