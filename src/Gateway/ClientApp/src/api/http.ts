import { ApiError } from "./errors";

/** REST calls with the member's bearer token; refusals become ApiError with the contract's code. */
export class Http {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthorized: () => void,
  ) {}

  get<T>(path: string, query?: Record<string, string | number | boolean | undefined | null>): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
    const search = params.toString();
    return this.send<T>("GET", search ? `${path}?${search}` : path);
  }

  /** A file the server makes (a CSV), as it sent it. */
  async blob(path: string): Promise<Blob> {
    const token = this.token();
    let response: Response;
    try {
      response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (error) {
      throw new ApiError("network", error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const problem = (safeJson(await response.text()) ?? {}) as { code?: string; detail?: string };
      throw new ApiError(problem.code ?? `http_${response.status}`, problem.detail ?? response.statusText, response.status);
    }
    return response.blob();
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("POST", path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("PUT", path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("PATCH", path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>("DELETE", path);
  }

  /** A file the API serves as text (a meetup's calendar file), fetched with the member's token. */
  async text(path: string): Promise<string> {
    const token = this.token();
    const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch((error: unknown) => {
      throw new ApiError("network", error instanceof Error ? error.message : String(error));
    });
    if (!response.ok) throw new ApiError(`http_${response.status}`, response.statusText, response.status);
    return response.text();
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: payload });
    } catch (error) {
      throw new ApiError("network", error instanceof Error ? error.message : String(error));
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const json = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const problem = (json ?? {}) as { code?: string; detail?: string; retryAfterSeconds?: number };
      const error = new ApiError(problem.code ?? `http_${response.status}`, problem.detail ?? response.statusText, response.status, problem.retryAfterSeconds);
      console.warn(`${method} ${path} → ${response.status} ${error.code}: ${error.message}`);
      if (response.status === 401 && token) this.onUnauthorized();
      throw error;
    }
    return json as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
