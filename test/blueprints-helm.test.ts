import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { toGlobalId } from "../server/graphql/global-id.js";
import { isSemver } from "../server/modules/blueprints/format/semver.js";
import { readOwnArchive } from "../server/modules/blueprints/package/read-own-archive.js";
import { syncOfficialBlueprints } from "../server/modules/blueprints/testing/sync-official-blueprints.js";
import { toBase64Tarball, uploadFiles } from "../server/modules/blueprints/testing/upload-fixtures.js";
import { buildApiToken, buildCooperative, buildPerson } from "./support/factories.js";
import { expectData, graphql } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await syncOfficialBlueprints(hub.database.dataSource);
});
afterAll(() => hub.stop());

interface IndexEntry {
  apiVersion: string;
  name: string;
  version: string;
  urls: string[];
  created: string;
  digest: string;
  description: string;
  type: string;
}
interface HelmIndex {
  apiVersion: string;
  generated: string;
  entries: Record<string, IndexEntry[]>;
}

const fetchIndex = async () => {
  const response = await fetch(`${hub.url}/charts/index.yaml`);
  expect(response.status).toBe(200);
  return { text: await response.text(), etag: response.headers.get("etag") ?? "" };
};
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

describe("Helm chart repository", () => {
  it("serves an index.yaml that follows the repository format and round-trips through a YAML parser", async () => {
    const { text } = await fetchIndex();
    const index = parse(text) as HelmIndex;
    expect(parse(stringify(index))).toEqual(index);
    expect(index.apiVersion).toBe("v1");
    expect(index.generated).toMatch(RFC3339);
    expect(Object.keys(index.entries)).toContain("metallb-l2");
    // ClusterBlueprints are not charts.
    expect(Object.keys(index.entries)).not.toContain("kubeadm-ha-baremetal");
    for (const [name, versions] of Object.entries(index.entries)) {
      expect(versions.length).toBeGreaterThan(0);
      for (const entry of versions) {
        expect(entry).toMatchObject({ apiVersion: "v2", name, type: "application" });
        expect(isSemver(entry.version)).toBe(true);
        expect(entry.created).toMatch(RFC3339);
        expect(entry.digest).toMatch(/^[0-9a-f]{64}$/);
        expect(entry.urls).toEqual([`${hub.url}/charts/${name}-${entry.version}.tgz`]);
        expect(entry.description.length).toBeGreaterThan(0);
      }
    }
    expect(index.entries["metallb-l2"].map((entry) => entry.version)).toEqual(["1.1.0", "1.0.0"]);
  });

  it("serves each chart with the digest the index lists, holding Chart.yaml, values and the schema", async () => {
    const index = parse((await fetchIndex()).text) as HelmIndex;
    const entry = index.entries["metallb-l2"][0];
    const response = await fetch(entry.urls[0]);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(entry.digest);
    const files = readOwnArchive(bytes, "metallb-l2/");
    const chart = parse(files.get("Chart.yaml")?.toString() ?? "");
    expect(chart).toMatchObject({
      apiVersion: "v2",
      name: "metallb-l2",
      version: "1.1.0",
      type: "application",
    });
    const schema = JSON.parse(files.get("values.schema.json")?.toString() ?? "{}");
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(parse(files.get("values.yaml")?.toString() ?? "")).toHaveProperty("pool");
    expect(files.get("templates/address-pools.yaml")?.toString()).toContain('(index $.Values "pool" "name")');
    expect((await fetch(`${hub.url}/charts/metallb-l2-9.9.9.tgz`)).status).toBe(404);
  });

  it("is cached with an ETag and regenerated when a chart is published or yanked", async () => {
    const first = await fetchIndex();
    const again = await fetchIndex();
    expect(again.text).toBe(first.text);
    const conditional = await fetch(`${hub.url}/charts/index.yaml`, {
      headers: { "if-none-match": first.etag },
    });
    expect(conditional.status).toBe(304);

    const { dataSource } = hub.database;
    const admin = await buildPerson(dataSource);
    const cooperative = await buildCooperative(dataSource, { admins: [admin] });
    const token = await buildApiToken(dataSource, admin);
    const tarball = toBase64Tarball(uploadFiles("chart-demo", "0.1.0"));
    expectData(
      await graphql(
        hub.url,
        `mutation($input: PublishBlueprintVersionInput!) { publishBlueprintVersion(input: $input) { created } }`,
        { input: { cooperativeId: toGlobalId("Cooperative", cooperative.id), tarball } },
        { token },
      ),
    );
    const published = parse((await fetchIndex()).text) as HelmIndex;
    expect(published.entries["chart-demo"].map((entry) => entry.version)).toEqual(["0.1.0"]);
    expectData(
      await graphql(
        hub.url,
        `mutation($input: YankBlueprintVersionInput!) { yankBlueprintVersion(input: $input) { version { yanked } } }`,
        { input: { name: "chart-demo", version: "0.1.0", reason: "test yank" } },
        { token },
      ),
    );
    const yanked = parse((await fetchIndex()).text) as HelmIndex;
    expect(yanked.entries["chart-demo"]).toBeUndefined();
    expect((await fetch(`${hub.url}/charts/chart-demo-0.1.0.tgz`)).status).toBe(200);
  });
});
