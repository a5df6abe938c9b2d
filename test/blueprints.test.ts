import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncOfficialBlueprints } from "../server/modules/blueprints/testing/sync-official-blueprints.js";
import { expectData, expectErrorCode, graphql, problemFields } from "./support/graphql-client.js";
import { startTestHub, type TestHub } from "./support/test-hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await syncOfficialBlueprints(hub.database.dataSource);
});
afterAll(() => hub.stop());

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

interface CatalogPage {
  blueprints: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: { name: string; kind: string; category: string; verified: boolean };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const CATALOG = `query($first: Int, $after: String, $filter: BlueprintFilter, $sort: BlueprintSort) {
  blueprints(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount edges { cursor node { name kind category verified } } pageInfo { hasNextPage endCursor } } }`;
const catalog = async (variables: Record<string, unknown>) =>
  expectData(await graphql<CatalogPage>(hub.url, CATALOG, variables)).blueprints;
const names = (page: CatalogPage["blueprints"]) => page.edges.map((edge) => edge.node.name);

describe("Blueprint catalog", () => {
  it("lists the official blueprints by name, paginated by cursor", async () => {
    const first = await catalog({ first: 4 });
    expect(first.totalCount).toBe(9);
    expect(names(first)).toEqual([
      "edge-tls-gateway",
      "kubeadm-ha-baremetal",
      "legacy-ingress-nginx",
      "metallb-l2",
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await catalog({ first: 10, after: first.pageInfo.endCursor });
    expect(names(rest)).toEqual([
      "odoo-instance",
      "openebs-localpv",
      "openebs-mayastor-replicated",
      "rancher-import-downstream",
      "rancher-management",
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it("searches name, title, description and keywords, every word must match", async () => {
    const metallb = names(await catalog({ filter: { search: "MetalLB" } }));
    expect(metallb).toContain("metallb-l2");
    expect(metallb).not.toContain("odoo-instance");
    expect(names(await catalog({ filter: { search: "openebs diskpool" } }))).toEqual([
      "openebs-mayastor-replicated",
    ]);
    expect(names(await catalog({ filter: { search: "100%_nothing" } }))).toEqual([]);
  });

  it("filters by category, kind, publisher, verified and deprecation", async () => {
    const storage = await catalog({ filter: { category: "STORAGE" } });
    expect(names(storage)).toEqual(["openebs-localpv", "openebs-mayastor-replicated"]);
    const clusters = await catalog({ filter: { kind: "CLUSTER_BLUEPRINT" } });
    expect(clusters.edges.every((edge) => edge.node.kind === "CLUSTER_BLUEPRINT")).toBe(true);
    expect(names(clusters)).toContain("kubeadm-ha-baremetal");
    expect((await catalog({ filter: { publisher: "alliance" } })).totalCount).toBe(9);
    expect((await catalog({ filter: { publisher: "no-such-coop" } })).totalCount).toBe(0);
    expect((await catalog({ filter: { verified: true } })).totalCount).toBe(9);
    expect((await catalog({ filter: { verified: false } })).totalCount).toBe(0);
    expect(names(await catalog({ filter: { includeDeprecated: false } }))).not.toContain(
      "legacy-ingress-nginx",
    );
  });

  it("sorts by downloads once some were counted, with a stable cursor", async () => {
    for (let index = 0; index < 2; index += 1) {
      expect((await fetch(`${hub.url}/api/blueprints/odoo-instance/1.0.0.tgz`)).status).toBe(200);
    }
    // The catalog sorts by the stored totals, which buffered counts reach every second (or now, here).
    await hub.blueprints.flushDownloads();
    const first = await catalog({ first: 1, sort: "MOST_DOWNLOADED" });
    expect(names(first)).toEqual(["odoo-instance"]);
    const next = await catalog({ first: 2, sort: "MOST_DOWNLOADED", after: first.pageInfo.endCursor });
    expect(names(next)).not.toContain("odoo-instance");
    const updated = await catalog({ first: 20, sort: "RECENTLY_UPDATED" });
    expect(updated.totalCount).toBe(9);
  });

  it("refuses a malformed cursor and an oversized page with BAD_USER_INPUT", async () => {
    expectErrorCode(await graphql(hub.url, CATALOG, { after: "garbage" }), "BAD_USER_INPUT");
    expectErrorCode(await graphql(hub.url, CATALOG, { first: 1000 }), "BAD_USER_INPUT");
  });
});

const PAGE = `query($name: String!) { blueprint(name: $name) { name title publisher { official name }
  latestVersion { version } versions { version yanked } downloadCount } }`;
const VERSION = `query($name: String!, $version: String!) { blueprintVersion(name: $name, version: $version) {
  version title readme readmeHtml parameterSchema digest contentDigest sizeBytes fileCount downloadPath downloadCount
  changelog { kind description } components { name kind version digest } compatibility { kubernetes }
  examples { name } deprecated replacedBy prerelease yanked
  signature { status signed verifiedAgainstKeyring }
  installInstructions { download render kubectl helm } } }`;

interface VersionData {
  blueprintVersion: {
    version: string;
    readmeHtml: string;
    parameterSchema: { type: string };
    digest: string;
    contentDigest: string;
    sizeBytes: number;
    downloadPath: string;
    downloadCount: number;
    changelog: Array<{ kind: string }>;
    examples: Array<{ name: string }>;
    deprecated: boolean;
    replacedBy: string | null;
    signature: { status: string; signed: boolean; verifiedAgainstKeyring: boolean };
    installInstructions: { download: string[]; render: string[]; kubectl: string[]; helm: string[] };
  } | null;
}

describe("Blueprint pages", () => {
  it("shows versions newest first by SemVer and the latest version", async () => {
    const data = expectData(
      await graphql<{ blueprint: Record<string, unknown> }>(hub.url, PAGE, { name: "metallb-l2" }),
    );
    expect(data.blueprint).toMatchObject({
      name: "metallb-l2",
      publisher: { official: true, name: "The Alliance" },
      latestVersion: { version: "1.1.0" },
      versions: [
        { version: "1.1.0", yanked: false },
        { version: "1.0.0", yanked: false },
      ],
    });
    expect(expectData(await graphql(hub.url, PAGE, { name: "nothing-here" }))).toEqual({ blueprint: null });
  });

  it("shows a version with README, schema, changelog, digests, signature status and install commands", async () => {
    const data = expectData(
      await graphql<VersionData>(hub.url, VERSION, { name: "edge-tls-gateway", version: "1.0.0" }),
    );
    const version = data.blueprintVersion!;
    expect(version.readmeHtml).toContain("<h1");
    expect(version.parameterSchema.type).toBe("object");
    expect(version.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(version.contentDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(version.changelog.length).toBeGreaterThan(0);
    expect(version.examples.map((example) => example.name)).toContain("defaults");
    expect(version.signature).toEqual({ status: "UNSIGNED", signed: false, verifiedAgainstKeyring: false });
    const install = version.installInstructions;
    expect(install.download[0]).toBe(
      `curl -fsSLo edge-tls-gateway-1.0.0.tgz ${hub.url}/api/blueprints/edge-tls-gateway/1.0.0.tgz`,
    );
    expect(install.download[1]).toContain(version.digest.slice("sha256:".length));
    expect(install.helm.join("\n")).toContain(
      "helm upgrade --install cert-manager cert-manager/cert-manager",
    );
    expect(install.helm.join("\n")).toContain("-f edge-tls-gateway-1.0.0/helm/cert-manager.values.yaml");
    expect(install.kubectl).toContain("kubectl apply --server-side -f edge-tls-gateway-1.0.0/manifests/");
  });

  it("generates kubeadm commands for a cluster blueprint and shows deprecation", async () => {
    const kubeadm = expectData(
      await graphql<VersionData>(hub.url, VERSION, { name: "kubeadm-ha-baremetal", version: "1.0.0" }),
    ).blueprintVersion!;
    expect(kubeadm.installInstructions.kubectl[0]).toBe(
      "sudo kubeadm init --config kubeadm-ha-baremetal-1.0.0/kubeadm/init-configuration.yaml --upload-certs",
    );
    expect(kubeadm.installInstructions.helm).toEqual([]);
    const legacy = expectData(
      await graphql<VersionData>(hub.url, VERSION, { name: "legacy-ingress-nginx", version: "1.0.0" }),
    ).blueprintVersion!;
    expect(legacy).toMatchObject({ deprecated: true, replacedBy: "edge-tls-gateway" });
  });
});

const RENDER = `query($name: String!, $version: String!, $parameters: JSON) {
  renderBlueprint(name: $name, version: $version, parameters: $parameters) {
    files { path content sha256 } sha256sums bundleDigest parameters } }`;

describe("Rendering", () => {
  it("renders with defaults filled in, the same bytes every time", async () => {
    const variables = {
      name: "metallb-l2",
      version: "1.1.0",
      parameters: { pool: { addresses: ["10.0.0.10-10.0.0.20"] } },
    };
    const first = expectData(
      await graphql<{ renderBlueprint: Record<string, unknown> }>(hub.url, RENDER, variables),
    );
    const second = expectData(
      await graphql<{ renderBlueprint: Record<string, unknown> }>(hub.url, RENDER, variables),
    );
    expect(second).toEqual(first);
    const render = first.renderBlueprint as {
      files: Array<{ path: string; content: string; sha256: string }>;
      sha256sums: string;
      bundleDigest: string;
    };
    expect(render.files.map((file) => file.path)).toContain("manifests/address-pools.yaml");
    for (const file of render.files) {
      expect(file.sha256).toBe(sha256(file.content));
      expect(render.sha256sums).toContain(`${file.sha256}  ${file.path}\n`);
    }
    expect(render.bundleDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("names every failing parameter path in BAD_USER_INPUT", async () => {
    const result = await graphql(hub.url, RENDER, {
      name: "kubeadm-ha-baremetal",
      version: "1.0.0",
      parameters: {
        controlPlane: { endpoint: "not a host!", port: 0 },
        kubeProxy: { mode: "iptables" },
        extra: 1,
      },
    });
    expectErrorCode(result, "BAD_USER_INPUT");
    const fields = problemFields(result);
    expect(fields).toEqual(
      expect.arrayContaining([
        "parameters/controlPlane/endpoint",
        "parameters/controlPlane/port",
        "parameters/kubeProxy/mode",
        "parameters/extra",
      ]),
    );
  });

  it("answers an unknown version with NOT_FOUND", async () => {
    expectErrorCode(
      await graphql(hub.url, RENDER, { name: "metallb-l2", version: "9.9.9", parameters: {} }),
      "NOT_FOUND",
    );
  });
});

describe("Comparing versions", () => {
  it("lists parameter schema changes and the diff of the default output", async () => {
    const result = await graphql<{
      compareBlueprintVersions: {
        schemaChanges: Array<{ kind: string; path: string; description: string }>;
        files: Array<{ path: string; status: string; added: number; removed: number }>;
        renderProblems: string[];
      };
    }>(
      hub.url,
      `query { compareBlueprintVersions(name: "metallb-l2", from: "1.0.0", to: "1.1.0") {
        from { version } to { version } schemaChanges { kind path description }
        files { path status added removed hunks { lines { kind text } } } renderProblems } }`,
    );
    const comparison = expectData(result).compareBlueprintVersions;
    expect(comparison.schemaChanges.length).toBeGreaterThan(0);
    expect(comparison.schemaChanges.map((change) => change.path)).toContain("/extraPools");
    expect(comparison.files.some((file) => file.status !== "unchanged")).toBe(true);
    expect(comparison.renderProblems).toEqual([]);
  });
});

describe("Downloads", () => {
  it("serves the stored source tarball whose sha256 equals the digest in headers and page", async () => {
    const page = expectData(
      await graphql<VersionData>(hub.url, VERSION, { name: "metallb-l2", version: "1.0.0" }),
    ).blueprintVersion!;
    const response = await fetch(`${hub.url}${page.downloadPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/gzip");
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = sha256(bytes);
    expect(`sha256:${digest}`).toBe(page.digest);
    expect(response.headers.get("x-checksum-sha256")).toBe(digest);
    expect(response.headers.get("digest")).toBe(`sha-256=${Buffer.from(digest, "hex").toString("base64")}`);
    expect(bytes.length).toBe(page.sizeBytes);
    // The archive holds the folder under <name>/ with blueprint.yaml in it.
    expect(gunzipSync(bytes).toString("latin1")).toContain("metallb-l2/blueprint.yaml");
    const again = Buffer.from(await (await fetch(`${hub.url}${page.downloadPath}`)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    const after = expectData(
      await graphql<VersionData>(hub.url, VERSION, { name: "metallb-l2", version: "1.0.0" }),
    ).blueprintVersion!;
    expect(after.downloadCount).toBe(page.downloadCount + 2);
  });

  it("serves a rendered bundle whose digest the renderBlueprint query announced", async () => {
    const parameters = { pool: { addresses: ["192.168.10.240-192.168.10.250"] } };
    const announced = expectData(
      await graphql<{ renderBlueprint: { bundleDigest: string; sha256sums: string } }>(hub.url, RENDER, {
        name: "metallb-l2",
        version: "1.1.0",
        parameters,
      }),
    ).renderBlueprint;
    const response = await fetch(`${hub.url}/api/blueprints/metallb-l2/1.1.0/render`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parameters),
    });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(`sha256:${sha256(bytes)}`).toBe(announced.bundleDigest);
    expect(response.headers.get("x-checksum-sha256")).toBe(sha256(bytes));
    expect(response.headers.get("content-disposition")).toContain("metallb-l2-1.1.0-rendered.tgz");
    expect(gunzipSync(bytes).toString("utf8")).toContain(announced.sha256sums);
  });

  it("refuses invalid parameters to the render route with every path, and unknown versions with 404", async () => {
    const response = await fetch(`${hub.url}/api/blueprints/metallb-l2/1.1.0/render`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pool: { addresses: [] }, bogus: true }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; problems: Array<{ path: string }> } };
    expect(body.error.code).toBe("BAD_USER_INPUT");
    expect(body.error.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(["/bogus", "/pool/addresses"]),
    );
    const malformed = await fetch(`${hub.url}/api/blueprints/metallb-l2/1.1.0/render`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${hub.url}/api/blueprints/metallb-l2/7.0.0.tgz`)).status).toBe(404);
    expect((await fetch(`${hub.url}/api/blueprints/Bad..Name/1.0.0.tgz`)).status).toBe(404);
  });
});

describe("Search source", () => {
  it("offers one public document per live blueprint, with README text and keywords", async () => {
    const { blueprintSearchSource } = await import(
      "../server/modules/blueprints/search/blueprint-search-source.js"
    );
    const manager = hub.database.dataSource.manager;
    const documents = [];
    for await (const document of blueprintSearchSource.documents(manager)) documents.push(document);
    expect(documents).toHaveLength(await blueprintSearchSource.count(manager));
    const metallb = documents.find((document) => document.url === "/blueprints/metallb-l2");
    expect(metallb).toMatchObject({
      type: "blueprint",
      title: "MetalLB in layer 2 mode",
      visibility: { public: true },
    });
    expect(metallb?.tags).toContain("metallb");
    expect(metallb?.body).toContain("L2Advertisement");
  });
});
