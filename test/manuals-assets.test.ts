import { request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../server/clock.js";
import { inTransaction } from "../server/db/transaction.js";
import { CONTENT_DIRECTORY } from "../server/hub.js";
import { createLogger } from "../server/logger.js";
import { cutManualRelease } from "../server/modules/manuals/cut-manual-release.js";
import { exportManualRelease } from "../server/modules/manuals/export-release.js";
import { ManualEntity } from "../server/modules/manuals/manual.entity.js";
import { manualContentSyncer } from "../server/modules/manuals/manual-content-syncer.js";
import { ManualReleaseEntity } from "../server/modules/manuals/manual-release.entity.js";
import { buildApiToken, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
const clock = new ManualClock();
const IMAGE = "02-planning/ip-plan.svg";
const SVG_BYTES = readFileSync(join(CONTENT_DIRECTORY, "manuals/cooby-stack/2026.11", IMAGE));

/** A GET with the path sent exactly as written (fetch would normalise `..` and `%2e` away). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  const url = new URL(hub.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path, method: "GET", headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.on("error", reject);
      request.end();
    },
  );
}

async function cut(name: string) {
  const manager = hub.database.dataSource.manager;
  const manual = await manager.findOneByOrFail(ManualEntity, { slug: "cooby-stack" });
  const from = await manager.findOneByOrFail(ManualReleaseEntity, { manualId: manual.id, name: "2026.11" });
  return inTransaction(hub.database.dataSource, (transaction) =>
    cutManualRelease(transaction, { personId: null, requestId: null, now: clock.now() }, manual, from, {
      name,
      title: `Cooby stack ${name}`,
      status: "unreleased",
    }),
  );
}

beforeAll(async () => {
  hub = await startTestHub({ clock });
  await manualContentSyncer.sync({
    dataSource: hub.database.dataSource,
    contentDirectory: CONTENT_DIRECTORY,
    clock,
    logger: createLogger("silent"),
  });
});
afterAll(() => hub.stop());

describe("manual images", () => {
  it("serves an image of the release with its type, nosniff, a sandboxing CSP for SVG and an ETag", async () => {
    const response = await rawGet(`/manual-assets/cooby-stack/2026.11/${IMAGE}`);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("image/svg+xml");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(response.headers["cache-control"]).toContain("max-age=300");
    expect(response.body.equals(SVG_BYTES)).toBe(true);
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await rawGet(`/manual-assets/cooby-stack/2026.11/${IMAGE}`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("points the rendered page at the image, also in text edited in the hub", async () => {
    const query = `query { manual(slug: "cooby-stack") { release(name: "2026.11") {
      page(path: "planning/ip-and-dns-plan") { id markdown title currentRevision { id } html } } } }`;
    type Page = {
      id: string;
      markdown: string;
      title: string;
      currentRevision: { id: string };
      html: string;
    };
    const read = await graphql<{ manual: { release: { page: Page } } }>(hub.url, query);
    const page = expectData(read).manual.release.page;
    expect(page.html).toContain(`<img src="/manual-assets/cooby-stack/2026.11/${IMAGE}"`);
    const token = await buildApiToken(hub.database.dataSource, await buildPerson(hub.database.dataSource));
    const proposed = await graphql<{
      proposeManualChange: { proposal: { previewHtml: string; brokenLinks: string[] } };
    }>(
      hub.url,
      `mutation($input: ProposeManualChangeInput!) { proposeManualChange(input: $input) {
        proposal { previewHtml brokenLinks } } }`,
      {
        input: {
          pageId: page.id,
          baseRevisionId: page.currentRevision.id,
          title: page.title,
          markdown: `${page.markdown}\n![again](ip-plan.svg) ![missing](nope.png)\n`,
        },
      },
      { token },
    );
    const proposal = expectData(proposed).proposeManualChange.proposal;
    expect(proposal.previewHtml).toContain(`src="/manual-assets/cooby-stack/2026.11/${IMAGE}"`);
    expect(proposal.brokenLinks).toEqual(["nope.png"]);
  });

  it.each([
    ["a parent path", "/manual-assets/cooby-stack/2026.11/../manual.yaml"],
    ["an encoded parent path", "/manual-assets/cooby-stack/2026.11/%2e%2e/manual.yaml"],
    ["an encoded slash", "/manual-assets/cooby-stack/2026.11/02-planning%2f..%2f..%2fmanual.yaml"],
    ["a deep escape", "/manual-assets/cooby-stack/2026.11/02-planning/../../../../package.json"],
    ["Markdown", "/manual-assets/cooby-stack/2026.11/02-planning/index.md"],
    ["release.yaml", "/manual-assets/cooby-stack/2026.11/release.yaml"],
    ["a dotfile", "/manual-assets/cooby-stack/2026.11/02-planning/.ip-plan.svg"],
    ["an unknown image", "/manual-assets/cooby-stack/2026.11/02-planning/nope.png"],
    ["an unknown release", `/manual-assets/cooby-stack/1999.01/${IMAGE}`],
    ["an unknown manual", `/manual-assets/other-stack/2026.11/${IMAGE}`],
  ])("answers 404 for %s", async (_name, path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain("maintainers");
    expect(response.headers["content-type"]).not.toMatch(/image/);
  });

  it("serves a cut release's images from the release it was cut from, and exports them with it", async () => {
    const release = await cut("2027.05");
    expect(release.cutFromReleaseId).not.toBeNull();
    const response = await rawGet(`/manual-assets/cooby-stack/2027.05/${IMAGE}`);
    expect(response.status).toBe(200);
    expect(response.body.equals(SVG_BYTES)).toBe(true);
    const page = await graphql<{ manual: { release: { page: { html: string } } } }>(
      hub.url,
      `query { manual(slug: "cooby-stack") { release(name: "2027.05") { page(path: "planning/ip-and-dns-plan") { html } } } }`,
    );
    expect(expectData(page).manual.release.page.html).toContain(
      `src="/manual-assets/cooby-stack/2027.05/${IMAGE}"`,
    );
    const files = await exportManualRelease(
      hub.database.dataSource.manager,
      "cooby-stack",
      "2027.05",
      CONTENT_DIRECTORY,
    );
    const image = files?.find((file) => file.path === `cooby-stack/2027.05/${IMAGE}`);
    expect(image && Buffer.from(image.content).equals(SVG_BYTES)).toBe(true);
  });

  it("answers 404 for a cut release whose origin is not recorded", async () => {
    const release = await cut("2027.11");
    await hub.database.dataSource.manager.update(
      ManualReleaseEntity,
      { id: release.id },
      { cutFromReleaseId: null },
    );
    expect((await rawGet(`/manual-assets/cooby-stack/2027.11/${IMAGE}`)).status).toBe(404);
  });
});
