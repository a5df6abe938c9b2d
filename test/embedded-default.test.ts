import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectData, graphql } from "./support/graphql-client.js";
import { signIn } from "./support/sign-in.js";

/**
 * Smoke test of the embedded default: the real entry point (`server/main.ts`, what `npm start` runs) on a fresh
 * PGlite directory with the built-in provider, no other configuration. DATABASE_URL is removed on purpose.
 */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

function startProcess(env: Record<string, string>): {
  child: ChildProcess;
  ready: Promise<string>;
  exited: Promise<number | null>;
  output: () => string;
} {
  // DATABASE_URL and CONTENT_SYNC_ON_START are removed so the defaults of `npm start` apply.
  const { DATABASE_URL: _ignored, CONTENT_SYNC_ON_START: _default, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...inherited, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, ready, exited, output: () => output };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "hub-embedded-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("The embedded default (npm start with no configuration)", () => {
  it("starts on PGlite, signs in through the development provider, keeps data and sessions across a restart", async () => {
    const port = String(await freePort());
    const first = startProcess({ NODE_ENV: "development", DATA_DIR: dataDir, PORT: port });
    const url = await first.ready;
    expect(url).toBe(`http://localhost:${port}`);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // A development start syncs content/ (CONTENT_SYNC_ON_START defaults to on outside tests): the manual is there.
    const manual = expectData(
      await graphql<{
        manual: {
          title: string;
          release: { name: string; chapters: Array<{ slug: string; pages: Array<{ slug: string }> }> };
        } | null;
      }>(url, `{ manual(slug: "cooby-stack") { title release { name chapters { slug pages { slug } } } } }`),
    ).manual;
    expect(manual?.release.name).toBe("2026.11");
    const paths = manual?.release.chapters.flatMap((chapter) =>
      chapter.pages.map((page) => `${chapter.slug}/${page.slug}`),
    );
    expect(paths).toEqual(expect.arrayContaining(["load-balancing-metallb/layer2", "planning/hardware"]));
    expect(paths?.length).toBeGreaterThan(40);
    const { cookie } = await signIn(url, "demo-ada-admin");
    const viewer = expectData(
      await graphql<{ viewer: { person: { handle: string }; memberships: { totalCount: number } } }>(
        url,
        "{ viewer { person { handle } memberships { totalCount } } }",
        {},
        { cookie },
      ),
    );
    expect(viewer.viewer).toEqual({ person: { handle: "ada-admin" }, memberships: { totalCount: 1 } });
    expectData(
      await graphql(
        url,
        `mutation { applyForCooperative(input: {name: "Fjord Cloud", slug: "fjord-cloud", country: "NO", description: "Hydro-powered hosting", tier: ALLIANCE_PARTNER}) { cooperative { id } } }`,
        {},
        { cookie },
      ),
    );
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = startProcess({ NODE_ENV: "development", DATA_DIR: dataDir, PORT: port });
    try {
      await second.ready;
      const again = expectData(
        await graphql<{ viewer: { person: { handle: string } }; cooperative: { status: string } }>(
          url,
          `{ viewer { person { handle } } cooperative(slug: "fjord-cloud") { status } }`,
          {},
          { cookie },
        ),
      );
      expect(again).toEqual({
        viewer: { person: { handle: "ada-admin" } },
        cooperative: { status: "PENDING" },
      });
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 240_000);

  it("refuses the development provider in production and lists every missing setting", async () => {
    const refused = startProcess({ NODE_ENV: "production", DATA_DIR: dataDir, PORT: "0" });
    refused.ready.catch(() => {});
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toMatch(/OIDC_ISSUER: production needs a real OpenID provider/);
    expect(refused.output()).toMatch(/DATABASE_URL: production needs DATABASE_URL/);
    expect(refused.output()).toMatch(/SESSION_SECRET: production needs SESSION_SECRET/);
  }, 30_000);
});
