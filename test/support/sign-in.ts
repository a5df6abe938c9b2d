import { TestCookieJar } from "../../server/auth/dev-provider/test-cookie-jar.js";

/** A cookie-keeping client that does not follow redirects by itself, like a browser driven step by step. */
export function createBrowserSession() {
  const jar = new TestCookieJar();
  async function go(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: jar.headerFor(url),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        ...init.headers,
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    jar.store(response);
    const location = response.headers.get("location");
    return { response, location: location ? new URL(location, url).href : null };
  }
  return { jar, go, cookieFor: (url: string) => jar.headerFor(url) };
}

/**
 * Signs in through the real flow: hub `/auth/login` → development provider → login page → choose the demo person
 * → hub `/auth/callback`. Returns the hub session cookie header.
 */
export async function signIn(
  hubUrl: string,
  subject: string,
  options: { secondFactor?: boolean; stepUp?: boolean } = {},
): Promise<{ cookie: string; finalStatus: number; session: ReturnType<typeof createBrowserSession> }> {
  const session = createBrowserSession();
  const start = options.stepUp ? `${hubUrl}/auth/login?stepUp=1` : `${hubUrl}/auth/login`;
  let step = await session.go(start);
  while (step.location && !step.location.includes("/interaction/")) step = await session.go(step.location);
  if (step.location) step = await session.go(step.location);
  const html = await step.response.text();
  const action = /<form method="post" action="([^"]+\/login)">/.exec(html)?.[1];
  if (!action) throw new Error(`no login form on the provider page (status ${step.response.status})`);
  const form: Record<string, string> = { sub: subject };
  if (options.secondFactor ?? true) form.secondFactor = "yes";
  step = await session.go(new URL(action, hubUrl).href, { form });
  while (step.location?.startsWith(hubUrl) && !new URL(step.location).pathname.startsWith("/auth/callback")) {
    step = await session.go(step.location);
  }
  if (step.location) step = await session.go(step.location);
  return { cookie: session.cookieFor(`${hubUrl}/graphql`), finalStatus: step.response.status, session };
}
