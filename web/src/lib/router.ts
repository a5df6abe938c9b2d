import { useSyncExternalStore } from "react";

/** Fired on `window` after `navigate`, because `pushState` itself announces nothing. */
const NAVIGATION_EVENT = "hub:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATION_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATION_EVENT, onChange);
  };
}

const currentLocation = () => window.location.pathname + window.location.search;

/** The current path with its query string (e.g. `/cooperatives?tier=VENDOR`); re-renders on every navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation, () => "/");
}

/** Goes to a path of the web app without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATION_EVENT));
  window.scrollTo(0, 0);
}

/**
 * Matches a path against a pattern such as `/cooperatives/:slug`. Returns the decoded parameters, or null.
 * The query string and a trailing slash are ignored.
 */
export function matchPath(pattern: string, location: string): Record<string, string> | null {
  const path = location.split("?")[0].replace(/(.)\/$/, "$1");
  const patternParts = pattern.split("/");
  const pathParts = path.split("/");
  if (patternParts.length !== pathParts.length) return null;
  const parameters: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index];
    if (part.startsWith(":")) {
      if (!actual) return null;
      try {
        parameters[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return parameters;
}

/** Reads one query-string parameter of a location such as `/cooperatives?tier=VENDOR`. */
export function queryParameter(location: string, name: string): string {
  const query = location.includes("?") ? location.slice(location.indexOf("?")) : "";
  return new URLSearchParams(query).get(name) ?? "";
}
