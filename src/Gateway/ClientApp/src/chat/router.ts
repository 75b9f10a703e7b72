import { Store } from "../state/store";

export interface Route {
  path: string;
  params: URLSearchParams;
}

/** The client's own paths (/rooms/…, /directory, /admin…) in the address bar, with back and forward. */
export const router = new Store<Route>(current());

function current(): Route {
  return { path: location.pathname, params: new URLSearchParams(location.search) };
}

export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  router.update(() => current());
}

window.addEventListener("popstate", () => router.update(() => current()));

/** `/rooms/:id` → ["rooms", id]; segments decoded. */
export function segments(path: string): string[] {
  return path.split("/").filter(Boolean).map(decodeURIComponent);
}
