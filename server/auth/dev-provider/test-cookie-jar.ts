/**
 * A tiny cookie jar for tests that drive the provider with plain fetch: honours Path and deletion, ignores
 * Domain (everything runs on one host) and attributes the provider does not use.
 */
export class TestCookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  /** Records the cookies a response sets or deletes. */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";").map((part) => part.trim());
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (key: string) =>
        attributes.find((entry) => entry.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute("path") ?? "/";
      const expires = attribute("expires");
      const deleted = value === "" || (expires !== undefined && new Date(expires).getTime() < Date.now());
      if (deleted) this.#cookies.delete(`${name}|${path}`);
      else this.#cookies.set(`${name}|${path}`, { name, value, path });
    }
  }

  /** The Cookie header for a request to `url`. */
  headerFor(url: string): string {
    const requestPath = new URL(url).pathname;
    return [...this.#cookies.values()]
      .filter(
        ({ path }) => requestPath === path || requestPath.startsWith(path.endsWith("/") ? path : `${path}/`),
      )
      .map(({ name, value }) => `${name}=${value}`)
      .join("; ");
  }
}
