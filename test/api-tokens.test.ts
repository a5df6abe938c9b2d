import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { buildApiToken, buildPerson } from "./support/factories.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { signIn } from "./support/sign-in.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret apiToken { id name scopes displayPrefix expiresAt } } }`;
const REVOKE = `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { revokedAt } } }`;
const WHO = "{ viewer { authenticatedBy person { handle } } }";

let hub: TestHub;
const clock = new ManualClock(new Date());
beforeAll(async () => {
  hub = await startTestHub({ clock });
});
afterAll(() => hub.stop());

describe("Personal API tokens", () => {
  it("are created from a session with a recent second factor, shown once and stored hashed", async () => {
    const { cookie } = await signIn(hub.url, "demo-ada-admin", { secondFactor: true });
    const created = expectData(
      await graphql<{
        createApiToken: { secret: string; apiToken: { scopes: string[]; displayPrefix: string } };
      }>(
        hub.url,
        CREATE,
        { input: { name: "ci", scopes: ["READ", "WRITE"], expiresInDays: 30 } },
        { cookie },
      ),
    );
    const { secret, apiToken } = created.createApiToken;
    expect(secret).toMatch(/^ahp_[\w-]{43}$/);
    expect(apiToken.displayPrefix).toBe(secret.slice(0, 10));
    const rows = await hub.database.dataSource.query("SELECT secret_hash FROM api_token");
    expect(JSON.stringify(rows)).not.toContain(secret);
    const who = expectData(
      await graphql<{ viewer: { authenticatedBy: string } }>(hub.url, WHO, {}, { token: secret }),
    );
    expect(who.viewer.authenticatedBy).toBe("API_TOKEN");
    const listed = expectData(
      await graphql<{ viewer: { apiTokens: Array<Record<string, unknown>> } }>(
        hub.url,
        "{ viewer { apiTokens { name displayPrefix } } }",
        {},
        { cookie },
      ),
    );
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("answers STEP_UP_REQUIRED with the URL that asks for a second factor when the sign-in had none", async () => {
    const { cookie } = await signIn(hub.url, "demo-milo-member", { secondFactor: false });
    const result = await graphql(
      hub.url,
      CREATE,
      { input: { name: "x", scopes: ["READ"], expiresInDays: 1 } },
      { cookie },
    );
    expectErrorCode(result, "STEP_UP_REQUIRED");
    expect(result.errors?.[0]?.extensions?.stepUpUrl).toMatch(/^\/auth\/login\?stepUp=1&returnTo=/);
  });

  it("answers STEP_UP_REQUIRED when the second factor is older than the window", async () => {
    const { cookie } = await signIn(hub.url, "demo-nia-newcomer", { secondFactor: true });
    clock.advance(16 * 60_000);
    try {
      expectErrorCode(
        await graphql(
          hub.url,
          CREATE,
          { input: { name: "x", scopes: ["READ"], expiresInDays: 1 } },
          { cookie },
        ),
        "STEP_UP_REQUIRED",
      );
    } finally {
      clock.set(new Date());
    }
  });

  it("cannot be created with a token (no escalation from a leaked token)", async () => {
    const token = await buildApiToken(hub.database.dataSource, await buildPerson(hub.database.dataSource));
    expectErrorCode(
      await graphql(hub.url, CREATE, { input: { name: "x", scopes: ["READ"], expiresInDays: 1 } }, { token }),
      "FORBIDDEN",
    );
  });

  it("refuses invalid input naming each field", async () => {
    const { cookie } = await signIn(hub.url, "demo-ada-admin");
    const result = await graphql(
      hub.url,
      CREATE,
      { input: { name: " ", scopes: [], expiresInDays: 1000 } },
      { cookie },
    );
    expectErrorCode(result, "BAD_USER_INPUT");
    const fields = problemFields(result);
    expect(fields).toEqual(["input.name", "input.scopes", "input.expiresInDays"]);
  });

  it("stop working at once when revoked, with the reason", async () => {
    const { cookie } = await signIn(hub.url, "demo-ada-admin");
    const created = expectData(
      await graphql<{ createApiToken: { secret: string; apiToken: { id: string } } }>(
        hub.url,
        CREATE,
        { input: { name: "revoke-me", scopes: ["READ"], expiresInDays: 1 } },
        { cookie },
      ),
    );
    expectData(
      await graphql(hub.url, REVOKE, { input: { id: created.createApiToken.apiToken.id } }, { cookie }),
    );
    const result = await graphql(hub.url, WHO, {}, { token: created.createApiToken.secret });
    expectErrorCode(result, "UNAUTHENTICATED");
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.message).toMatch(/revoked/);
  });

  it("refuses expired and unknown tokens with UNAUTHENTICATED", async () => {
    const person = await buildPerson(hub.database.dataSource);
    const expired = await buildApiToken(hub.database.dataSource, person, {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await graphql(hub.url, WHO, {}, { token: expired })).errors?.[0]?.message).toMatch(/expired/);
    expectErrorCode(await graphql(hub.url, WHO, {}, { token: "ahp_unknown" }), "UNAUTHENTICATED");
  });

  it("with only the READ scope cannot run mutations", async () => {
    const person = await buildPerson(hub.database.dataSource);
    const token = await buildApiToken(hub.database.dataSource, person, { scopes: ["read"] });
    expectData(await graphql(hub.url, WHO, {}, { token }));
    expectErrorCode(
      await graphql(
        hub.url,
        `mutation { applyForCooperative(input: {name: "Read Only", slug: "read-only", country: "DE", description: "", tier: VENDOR}) { cooperative { id } } }`,
        {},
        { token },
      ),
      "FORBIDDEN",
    );
  });

  it("cannot be revoked by someone else: NOT_FOUND, so token IDs cannot be probed", async () => {
    const { cookie } = await signIn(hub.url, "demo-ada-admin");
    const created = expectData(
      await graphql<{ createApiToken: { apiToken: { id: string } } }>(
        hub.url,
        CREATE,
        { input: { name: "mine", scopes: ["READ"], expiresInDays: 1 } },
        { cookie },
      ),
    );
    const other = await buildApiToken(hub.database.dataSource, await buildPerson(hub.database.dataSource));
    expectErrorCode(
      await graphql(hub.url, REVOKE, { input: { id: created.createApiToken.apiToken.id } }, { token: other }),
      "NOT_FOUND",
    );
  });
});
