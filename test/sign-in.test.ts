import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectData, graphql } from "./support/graphql-client.js";
import { createBrowserSession, signIn } from "./support/sign-in.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const VIEWER = `{ viewer { authenticatedBy hasRecentSecondFactor person { handle name email hubRoles }
  memberships { totalCount edges { node { role cooperative { slug } } } } } }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { DEMO_SEED: "true" } });
});
afterAll(() => hub.stop());

describe("Sign-in through the OpenID provider", () => {
  it("creates the person from the claims and keeps them signed in with a database session", async () => {
    const { cookie } = await signIn(hub.url, "demo-ada-admin");
    const data = expectData(
      await graphql<{ viewer: Record<string, unknown> }>(hub.url, VIEWER, {}, { cookie }),
    );
    expect(data.viewer).toMatchObject({
      authenticatedBy: "SESSION",
      hasRecentSecondFactor: true,
      person: {
        handle: "ada-admin",
        name: "Ada Admin",
        email: "ada.admin@green-hosting.example",
        hubRoles: [],
      },
      memberships: {
        totalCount: 1,
        edges: [{ node: { role: "ADMIN", cooperative: { slug: "green-hosting" } } }],
      },
    });
    const stored = await hub.database.dataSource.query("SELECT count(*)::int AS n FROM http_session");
    expect(stored[0].n).toBeGreaterThan(0);
  });

  it("maps the steward group to the hub role and records no second factor when none was used", async () => {
    const { cookie } = await signIn(hub.url, "demo-sam-steward", { secondFactor: false });
    const data = expectData(
      await graphql<{ viewer: { hasRecentSecondFactor: boolean; person: { hubRoles: string[] } } }>(
        hub.url,
        VIEWER,
        {},
        { cookie },
      ),
    );
    expect(data.viewer.person.hubRoles).toEqual(["STEWARD"]);
    expect(data.viewer.hasRecentSecondFactor).toBe(false);
  });

  it("updates the person on the next sign-in instead of creating another", async () => {
    await signIn(hub.url, "demo-milo-member");
    await signIn(hub.url, "demo-milo-member");
    const rows = await hub.database.dataSource.query(
      "SELECT count(*)::int AS n FROM person WHERE handle LIKE 'milo-member%'",
    );
    expect(rows[0].n).toBe(1);
  });

  it("refuses a callback with a forged state and does not sign in", async () => {
    const browser = createBrowserSession();
    const forged = await browser.go(`${hub.url}/auth/callback?code=stolen&state=forged`);
    expect(forged.response.status).toBe(403);
    expect(await forged.response.text()).toContain("could not be verified");
    const data = expectData(
      await graphql<{ viewer: unknown }>(
        hub.url,
        "{ viewer { person { handle } } }",
        {},
        { cookie: browser.cookieFor(`${hub.url}/graphql`) },
      ),
    );
    expect(data.viewer).toBeNull();
  });

  it("refuses a replayed callback: the state is single-use", async () => {
    const browser = createBrowserSession();
    let step = await browser.go(`${hub.url}/auth/login`);
    while (step.location && !step.location.includes("/interaction/")) step = await browser.go(step.location);
    step = await browser.go(step.location!);
    const action = /<form method="post" action="([^"]+\/login)">/.exec(await step.response.text())![1];
    step = await browser.go(new URL(action, hub.url).href, {
      form: { sub: "demo-nia-newcomer", secondFactor: "yes" },
    });
    while (step.location && !new URL(step.location).pathname.startsWith("/auth/callback"))
      step = await browser.go(step.location);
    const callbackUrl = step.location!;
    const first = await browser.go(callbackUrl);
    expect(first.response.status).toBe(303);
    const replay = await browser.go(callbackUrl);
    expect(replay.response.status).toBe(403);
  });

  it("logs out: the session is destroyed", async () => {
    const { cookie, session } = await signIn(hub.url, "demo-nia-newcomer");
    const out = await session.go(`${hub.url}/auth/logout`, { method: "POST", headers: { origin: hub.url } });
    expect(out.response.status).toBe(303);
    const data = expectData(
      await graphql<{ viewer: unknown }>(hub.url, "{ viewer { person { handle } } }", {}, { cookie }),
    );
    expect(data.viewer).toBeNull();
  });

  it("refuses a cross-site logout post", async () => {
    const { session } = await signIn(hub.url, "demo-nia-newcomer");
    const out = await session.go(`${hub.url}/auth/logout`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(out.response.status).toBe(403);
  });
});
