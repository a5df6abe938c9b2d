import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { loadConfig } from "../server/config.js";
import { startHub } from "../server/hub.js";
import { buildCaller } from "./support/factories.js";
import { expectData, expectErrorCode, graphql } from "./support/graphql-client.js";
import { signIn } from "./support/sign-in.js";
import { startTcpProxy } from "./support/tcp-proxy.js";
import { createTestDatabase } from "./support/test-database.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.stop());

describe("Operations endpoints", () => {
  it("answers /healthz and /readyz", async () => {
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${hub.url}/readyz`)).json()).toEqual({ status: "ready", database: "ok" });
  });

  it("exposes Prometheus metrics for HTTP, GraphQL operations and the database pool", async () => {
    await graphql(hub.url, "query DirectoryProbe { cooperatives { totalCount } }");
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(text).toMatch(
      /hub_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /hub_graphql_operations_total\{operation="DirectoryProbe",type="query",outcome="ok"\} 1/,
    );
    expect(text).toMatch(/hub_database_pool_connections\{state="total"\}/);
  });

  it("sends security headers and a request id", async () => {
    const response = await fetch(`${hub.url}/`, { headers: { "x-request-id": "trace-1234abcd" } });
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("x-request-id")).toBe("trace-1234abcd");
  });
});

describe("Rate limits", () => {
  it("refuses mutations over the limit with RATE_LIMITED, the retry time and HTTP 429, shared by two hub processes", async () => {
    const database = await createTestDatabase();
    const env = { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", RATE_LIMIT_MUTATIONS_PER_MINUTE: "3" };
    const logger = pino({ level: "silent" });
    const first = await startHub({ ...loadConfig(env), database: database.config }, { logger });
    const second =
      database.config.kind === "postgres"
        ? await startHub({ ...loadConfig(env), database: database.config }, { logger })
        : first;
    try {
      const { token } = await buildCaller(first.database.dataSource);
      const results = [];
      for (const target of [first, second, first, second])
        results.push(await graphql(target.url, "mutation { ping }", {}, { token }));
      expect(results.slice(0, 3).every((result) => result.data?.ping === true)).toBe(true);
      expectErrorCode(results[3]!, "RATE_LIMITED");
      expect(results[3]!.status).toBe(429);
      expect(results[3]!.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      if (second !== first) await second.close(500);
      await first.close(500);
      await database.drop();
    }
  });

  it("limits sign-in attempts per address", async () => {
    const limited = await startTestHub({ env: { RATE_LIMIT_SIGNIN_PER_MINUTE: "2" } });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt += 1)
        statuses.push((await fetch(`${limited.url}/auth/login`, { redirect: "manual" })).status);
      expect(statuses).toEqual([302, 302, 429]);
    } finally {
      await limited.stop();
    }
  });
});

describe("Sessions", () => {
  it("survive a hub restart because they live in the database", async () => {
    const database = await createTestDatabase();
    if (database.config.kind === "pglite") {
      // An in-memory PGlite dies with its hub; the embedded smoke test covers restarts on a persisted directory.
      await database.drop();
      return;
    }
    const env = { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", SESSION_SECRET: "s".repeat(40) };
    const logger = pino({ level: "silent" });
    const first = await startHub({ ...loadConfig(env), database: database.config }, { logger });
    const { cookie } = await signIn(first.url, "demo-ada-admin");
    await first.close(500);
    const second = await startHub({ ...loadConfig(env), database: database.config }, { logger });
    try {
      const data = expectData(
        await graphql<{ viewer: { person: { handle: string } } }>(
          second.url,
          "{ viewer { person { handle } } }",
          {},
          { cookie },
        ),
      );
      expect(data.viewer.person.handle).toBe("ada-admin");
    } finally {
      await second.close(500);
      await database.drop();
    }
  });
});

describe("Logs", () => {
  it("never contain tokens, cookies or session secrets", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const database = await createTestDatabase();
    const logged = await startHub(
      { ...loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" }), database: database.config },
      { logger: pino({ level: "trace" }, sink) },
    );
    try {
      const { token } = await buildCaller(logged.database.dataSource);
      const { cookie } = await signIn(logged.url, "demo-milo-member");
      await graphql(logged.url, "{ viewer { person { handle } } }", {}, { token });
      await graphql(logged.url, "{ viewer { person { handle } } }", {}, { cookie });
      const all = lines.join("");
      expect(all).toContain("signed in");
      expect(all).not.toContain(token);
      expect(all).not.toContain(cookie.split("=")[1]!.slice(0, 20));
    } finally {
      await logged.close(500);
      await database.drop();
    }
  });
});

describe("Database outages", () => {
  it("fails /readyz and answers SERVICE_UNAVAILABLE while the database is away, and recovers by itself", async () => {
    const base = loadConfig().database;
    if (base.kind !== "postgres") {
      console.warn("skipped: the outage test needs PostgreSQL (DATABASE_URL); PGlite runs in-process");
      return;
    }
    const database = await createTestDatabase();
    const target = new URL(database.config.kind === "postgres" ? database.config.url : "");
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(target);
    proxied.port = String(proxy.port);
    const outage = await startHub(
      {
        ...loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" }),
        database: { kind: "postgres", url: proxied.toString(), poolSize: 3 },
      },
      { logger: pino({ level: "silent" }) },
    );
    try {
      expectData(await graphql(outage.url, "{ cooperatives { totalCount } }"));
      proxy.cut();
      expect((await fetch(`${outage.url}/readyz`)).status).toBe(503);
      const during = await graphql(outage.url, "{ cooperatives { totalCount } }");
      expectErrorCode(during, "SERVICE_UNAVAILABLE");
      proxy.restore();
      let ready = 0;
      for (let attempt = 0; attempt < 50 && ready !== 200; attempt += 1) {
        ready = (await fetch(`${outage.url}/readyz`)).status;
        if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready).toBe(200);
      expectData(await graphql(outage.url, "{ cooperatives { totalCount } }"));
    } finally {
      await outage.close(500);
      await proxy.close();
      await database.drop();
    }
  });
});

describe("Graceful shutdown", () => {
  it("finishes requests in flight and then refuses new connections", async () => {
    const stopping = await startTestHub();
    const body = JSON.stringify({ query: "{ cooperatives { totalCount } }" });
    // Start a request and hold back half its body, so it is in flight when the stop begins.
    const request = httpRequest(`${stopping.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on("response", (incoming) => {
        let text = "";
        incoming.on("data", (chunk) => {
          text += chunk;
        });
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, text }));
      });
      request.on("error", reject);
    });
    request.write(body.slice(0, 10));
    await new Promise((resolve) => request.on("socket", (socket) => socket.on("connect", resolve)));
    const stopped = stopping.stop();
    request.end(body.slice(10));
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.cooperatives.totalCount).toBeGreaterThanOrEqual(0);
    await stopped;
    await expect(fetch(`${stopping.url}/healthz`)).rejects.toThrow();
  });
});
