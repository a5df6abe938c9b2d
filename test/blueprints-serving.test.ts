import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ManualClock } from "../server/clock.js";
import { syncOfficialBlueprints } from "../server/modules/blueprints/testing/sync-official-blueprints.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

// A hand-moved clock: the cross-process revalidation (at most once per second) happens exactly when the test says.
const clock = new ManualClock(new Date("2026-11-25T09:00:00.000Z"));
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ clock });
  await syncOfficialBlueprints(hub.database.dataSource, { clock });
});
afterAll(() => hub.stop());

const indexUrl = () => `${hub.url}/charts/index.yaml`;
const chartVersions = async (name: string) =>
  (
    parse(await (await fetch(indexUrl())).text()) as { entries: Record<string, Array<{ version: string }>> }
  ).entries[name]?.map((entry) => entry.version);

/** What another hub process would do: yank directly in the shared database, without telling this process. */
async function yankElsewhere(name: string, version: string, yanked: boolean): Promise<void> {
  await hub.database.dataSource.query(
    `UPDATE blueprint_version SET yanked_at = $3, yank_reason = $4
      WHERE version = $2 AND blueprint_id = (SELECT id FROM blueprint WHERE name = $1)`,
    [name, version, yanked ? clock.now() : null, yanked ? "yanked by another process" : null],
  );
}

async function storedCounts(name: string, version: string) {
  const [row] = await hub.database.dataSource.query(
    `SELECT b.download_count AS total,
            (SELECT COALESCE(SUM(d.count), 0)::int FROM blueprint_download d WHERE d.version_id = v.id) AS version
       FROM blueprint b JOIN blueprint_version v ON v.blueprint_id = b.id WHERE b.name = $1 AND v.version = $2`,
    [name, version],
  );
  return { total: Number(row.total), version: Number(row.version) };
}

const COUNTS = `query($name: String!, $version: String!) {
  blueprint(name: $name) { downloadCount }
  blueprintVersion(name: $name, version: $version) { downloadCount }
}`;
async function apiCounts(name: string, version: string) {
  const data = expectData(
    await graphql<{ blueprint: { downloadCount: number }; blueprintVersion: { downloadCount: number } }>(
      hub.url,
      COUNTS,
      { name, version },
    ),
  );
  return { total: data.blueprint.downloadCount, version: data.blueprintVersion.downloadCount };
}

describe("index.yaml from cache", () => {
  it("answers If-None-Match with 304 for either representation's ETag, weak or strong", async () => {
    const plain = await fetch(indexUrl(), { headers: { "accept-encoding": "identity" } });
    const etag = plain.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const text = await plain.text();
    expect(plain.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(plain.headers.get("vary")).toContain("Accept-Encoding");
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, `${etag.slice(0, -1)}-gz"`, "*"]) {
      const again = await fetch(indexUrl(), { headers: { "if-none-match": tag } });
      expect(again.status, tag).toBe(304);
      expect(await again.text()).toBe("");
    }
    expect((await fetch(indexUrl(), { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
  });

  it("sends gzip when accepted, which inflates to the very same document", async () => {
    const plain = Buffer.from(
      await (await fetch(indexUrl(), { headers: { "accept-encoding": "identity" } })).arrayBuffer(),
    );
    // Node's fetch inflates transparently, so read the raw bytes through node:http semantics instead.
    const { request } = await import("node:http");
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(indexUrl(), { headers: { "accept-encoding": "gzip, deflate" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers.etag).toMatch(/^"[0-9a-f]{32}-gz"$/);
    expect(raw.body.length).toBeLessThan(plain.length);
    expect(gunzipSync(raw.body).equals(plain)).toBe(true);
  });

  it("notices a yank made by another hub process within a second, and serves the same bytes until then", async () => {
    expect(await chartVersions("metallb-l2")).toEqual(["1.1.0", "1.0.0"]);
    await yankElsewhere("metallb-l2", "1.1.0", true);
    expect(await chartVersions("metallb-l2")).toEqual(["1.1.0", "1.0.0"]);
    clock.advance(1_001);
    expect(await chartVersions("metallb-l2")).toEqual(["1.0.0"]);
    // The archive stays downloadable by exact version, now with the yank warning.
    const source = await fetch(`${hub.url}/api/blueprints/metallb-l2/1.1.0.tgz`);
    expect(source.status).toBe(200);
    expect(source.headers.get("warning")).toContain("yanked by another process");
    await yankElsewhere("metallb-l2", "1.1.0", false);
    clock.advance(1_001);
    expect(await chartVersions("metallb-l2")).toEqual(["1.1.0", "1.0.0"]);
    expect((await fetch(`${hub.url}/api/blueprints/metallb-l2/1.1.0.tgz`)).headers.get("warning")).toBeNull();
  });
});

describe("download counting", () => {
  it("counts concurrent downloads exactly, at once in the API and in the database after a flush", async () => {
    await hub.blueprints.flushDownloads();
    const storedBefore = await storedCounts("openebs-localpv", "1.0.0");
    const apiBefore = await apiCounts("openebs-localpv", "1.0.0");
    expect(apiBefore).toEqual(storedBefore);
    const chartFile = `${hub.url}/charts/openebs-localpv-1.0.0.tgz`;
    const sourceFile = `${hub.url}/api/blueprints/openebs-localpv/1.0.0.tgz`;
    const urls = Array.from({ length: 60 }, (_, index) => (index % 3 === 0 ? sourceFile : chartFile));
    const responses = await Promise.all(urls.map((url) => fetch(url)));
    const bodies = await Promise.all(
      responses.map(async (response) => Buffer.from(await response.arrayBuffer())),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    // Every response carries the digest recorded at ingest, and it is the digest of the bytes sent.
    for (const [index, response] of responses.entries()) {
      const digest = createHash("sha256").update(bodies[index]).digest("hex");
      expect(response.headers.get("x-checksum-sha256")).toBe(digest);
      expect(response.headers.get("etag")).toBe(`"sha256-${digest}"`);
    }
    // HEAD requests are not downloads.
    expect((await fetch(chartFile, { method: "HEAD" })).status).toBe(200);

    // At once in the API (stored plus this process's buffer, whether or not the timer flushed meanwhile)...
    expect(await apiCounts("openebs-localpv", "1.0.0")).toEqual({
      total: apiBefore.total + 60,
      version: apiBefore.version + 60,
    });
    // ...and exactly once in the database after a flush.
    await hub.blueprints.flushDownloads();
    expect(await storedCounts("openebs-localpv", "1.0.0")).toEqual({
      total: storedBefore.total + 60,
      version: storedBefore.version + 60,
    });
    // Nothing is counted twice once it is in the database.
    expect(await apiCounts("openebs-localpv", "1.0.0")).toEqual({
      total: storedBefore.total + 60,
      version: storedBefore.version + 60,
    });
    const [perArtifact] = await hub.database.dataSource.query(
      `SELECT SUM(count) FILTER (WHERE artifact = 'chart')::int AS chart,
              SUM(count) FILTER (WHERE artifact = 'source')::int AS source
         FROM blueprint_download d JOIN blueprint_version v ON v.id = d.version_id
         JOIN blueprint b ON b.id = v.blueprint_id WHERE b.name = 'openebs-localpv' AND d.day = '2026-11-25'`,
    );
    expect(perArtifact).toMatchObject({ chart: 40, source: 20 });
  });

  it("adds counts flushed at different times and keeps the per-day rows", async () => {
    await hub.blueprints.flushDownloads();
    const before = await storedCounts("openebs-localpv", "1.0.0");
    await fetch(`${hub.url}/charts/openebs-localpv-1.0.0.tgz`);
    await hub.blueprints.flushDownloads();
    clock.advance(86_400_000);
    await fetch(`${hub.url}/charts/openebs-localpv-1.0.0.tgz`);
    await fetch(`${hub.url}/charts/openebs-localpv-1.0.0.tgz`);
    await hub.blueprints.flushDownloads();
    expect(await storedCounts("openebs-localpv", "1.0.0")).toEqual({
      total: before.total + 3,
      version: before.version + 3,
    });
    const days = await hub.database.dataSource.query(
      `SELECT d.day::text AS day, d.count FROM blueprint_download d JOIN blueprint_version v ON v.id = d.version_id
         JOIN blueprint b ON b.id = v.blueprint_id
        WHERE b.name = 'openebs-localpv' AND d.artifact = 'chart' ORDER BY d.day`,
    );
    expect(days.at(-1)).toEqual({ day: "2026-11-26", count: 2 });
  });
});
