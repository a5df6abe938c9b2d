import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { BlueprintSource } from "./format/blueprint-source.js";
import { loadBlueprintFolder } from "./format/load-folder.js";
import { readBlueprintFolder } from "./format/read-folder.js";
import { compareSemver } from "./format/semver.js";
import { type RenderedBundle, renderBlueprint } from "./rendering/render-blueprint.js";
import { validateParameters } from "./rendering/validate-parameters.js";

const CONTENT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../content/blueprints");
const MANUAL_LINK = /\/manuals\/cooby-stack\/2026\.11\/\d\d-[a-z0-9-]+/;

/** Every `apiVersion/kind` each blueprint renders across its examples: the specification of its output. */
const EXPECTED_KINDS: Record<string, string[]> = {
  "kubeadm-ha-baremetal/1.0.0": [
    "kubeadm.k8s.io/v1beta4/ClusterConfiguration",
    "kubeadm.k8s.io/v1beta4/InitConfiguration",
    "kubeadm.k8s.io/v1beta4/JoinConfiguration",
    "kubelet.config.k8s.io/v1beta1/KubeletConfiguration",
    "kubeproxy.config.k8s.io/v1alpha1/KubeProxyConfiguration",
    "v1/Pod",
  ],
  "metallb-l2/1.0.0": [
    "kustomize.config.k8s.io/v1beta1/Kustomization",
    "metallb.io/v1beta1/IPAddressPool",
    "metallb.io/v1beta1/L2Advertisement",
  ],
  "metallb-l2/1.1.0": [
    "kustomize.config.k8s.io/v1beta1/Kustomization",
    "metallb.io/v1beta1/IPAddressPool",
    "metallb.io/v1beta1/L2Advertisement",
  ],
  "edge-tls-gateway/1.0.0": [
    "cert-manager.io/v1/ClusterIssuer",
    "gateway.networking.k8s.io/v1/Gateway",
    "gateway.networking.k8s.io/v1/GatewayClass",
    "gateway.networking.k8s.io/v1/HTTPRoute",
    "v1/Namespace",
  ],
  "legacy-ingress-nginx/1.0.0": ["v1/Namespace"],
  "openebs-localpv/1.0.0": ["storage.k8s.io/v1/StorageClass"],
  "openebs-mayastor-replicated/1.0.0": ["openebs.io/v1beta3/DiskPool", "storage.k8s.io/v1/StorageClass"],
  "openebs-mayastor-replicated/1.1.0": ["openebs.io/v1beta3/DiskPool", "storage.k8s.io/v1/StorageClass"],
  "rancher-management/1.0.0": ["v1/Namespace"],
  "rancher-import-downstream/1.0.0": ["provisioning.cattle.io/v1/Cluster"],
  "odoo-instance/1.0.0": [
    "batch/v1/CronJob",
    "bemade.org/v1alpha1/OdooInstance",
    "rbac.authorization.k8s.io/v1/Role",
    "rbac.authorization.k8s.io/v1/RoleBinding",
    "v1/Namespace",
    "v1/ServiceAccount",
  ],
};

/** Invalid parameters per blueprint and every path that must be reported for them. */
const INVALID_PARAMETERS: Record<string, { params: unknown; paths: string[] }> = {
  "kubeadm-ha-baremetal/1.0.0": {
    params: {
      bootstrapToken: "abc",
      certificateKey: "XYZ",
      controlPlane: { endpoint: "not a host!", port: 0 },
      kubeProxy: { mode: "iptables" },
      networking: { podSubnet: "10.0.0.0/33" },
      extraArgs: { apiServer: [{ name: "--Bad" }] },
      nodes: 3,
    },
    paths: [
      "/bootstrapToken",
      "/certificateKey",
      "/controlPlane/endpoint",
      "/controlPlane/port",
      "/extraArgs/apiServer/0/name",
      "/extraArgs/apiServer/0/value",
      "/kubeProxy/mode",
      "/networking/podSubnet",
      "/nodes",
    ],
  },
  "metallb-l2/1.0.0": {
    params: { pool: { addresses: [], autoAssign: "yes" } },
    paths: ["/pool/addresses", "/pool/autoAssign"],
  },
  "metallb-l2/1.1.0": {
    params: { pool: { addresses: ["10.0.0.1-10.0.0"] }, extraPools: [{ name: "Bad Name" }] },
    paths: ["/extraPools/0/addresses", "/extraPools/0/name", "/pool/addresses/0"],
  },
  "edge-tls-gateway/1.0.0": {
    params: { acme: { email: "nope", issuer: "zerossl" }, gateway: { hostnames: ["*.example.org"] } },
    paths: ["/acme/email", "/acme/issuer", "/gateway/hostnames/0"],
  },
  "legacy-ingress-nginx/1.0.0": {
    params: { replicas: 11, loadBalancerIP: "x y" },
    paths: ["/loadBalancerIP", "/replicas"],
  },
  "openebs-localpv/1.0.0": {
    params: { basePath: "relative/path", reclaimPolicy: "Recycle" },
    paths: ["/basePath", "/reclaimPolicy"],
  },
  "openebs-mayastor-replicated/1.0.0": {
    params: {
      ioEngineNodes: ["a", "b"],
      diskPools: [{ node: "a", disk: "/dev/sda" }],
      storageClass: { replicas: 6 },
    },
    paths: ["/diskPools", "/diskPools/0/disk", "/ioEngineNodes", "/storageClass/replicas"],
  },
  "openebs-mayastor-replicated/1.1.0": {
    params: {
      ioEngineNodes: ["a", "b"],
      diskPools: [{ node: "a", disk: "/dev/sda" }],
      storageClass: { replicas: 6 },
    },
    paths: ["/diskPools", "/diskPools/0/disk", "/ioEngineNodes", "/storageClass/replicas"],
  },
  "rancher-management/1.0.0": {
    params: {
      hostname: "rancher",
      bootstrapPassword: "short",
      tls: { source: "letsEncrypt" },
      letsEncrypt: {},
    },
    paths: ["/bootstrapPassword", "/hostname", "/letsEncrypt/email"],
  },
  "rancher-import-downstream/1.0.0": {
    params: { clusterName: "Bad_Name", agentEnvVars: [{ name: "1X", value: "v" }] },
    paths: ["/agentEnvVars/0/name", "/clusterName"],
  },
  "odoo-instance/1.0.0": {
    params: {
      adminPassword: "short",
      filestore: { size: "0Gi" },
      backup: { bucket: "B", endpoint: "ftp://x", credentialsSecret: "ok", schedule: "daily" },
    },
    paths: ["/adminPassword", "/backup/bucket", "/backup/endpoint", "/backup/schedule", "/filestore/size"],
  },
};

function blueprintFolders(): string[] {
  return readdirSync(CONTENT)
    .flatMap((name) => readdirSync(join(CONTENT, name)).map((version) => `${name}/${version}`))
    .sort();
}

function kindsOf(bundle: RenderedBundle): string[] {
  const kinds: string[] = [];
  for (const file of bundle.files) {
    if (!file.path.endsWith(".yaml") || file.path.startsWith("helm/")) continue;
    for (const document of parseAllDocuments(file.content)) {
      const data = document.toJS() as { apiVersion?: unknown; kind?: unknown };
      kinds.push(`${String(data.apiVersion)}/${String(data.kind)}`);
    }
  }
  return kinds;
}

function withoutVersionLabel(content: string): unknown[] {
  return parseAllDocuments(content).map((document) => {
    const data = document.toJS() as { metadata?: { labels?: Record<string, string> } };
    delete data.metadata?.labels?.["blueprint.alliance-hub/version"];
    return data;
  });
}

const FOLDERS = blueprintFolders();
const sources = new Map<string, BlueprintSource>();

beforeAll(async () => {
  for (const folder of FOLDERS) {
    const result = loadBlueprintFolder(await readBlueprintFolder(join(CONTENT, folder)));
    if (!result.ok) throw new Error(`${folder}: ${JSON.stringify(result.problems, null, 2)}`);
    sources.set(folder, result.source);
  }
});

describe("Content blueprints", () => {
  it("ships every blueprint the stack needs, each with its expectations in this file", () => {
    expect(FOLDERS).toEqual(Object.keys(EXPECTED_KINDS).sort());
    expect(Object.keys(INVALID_PARAMETERS).sort()).toEqual(FOLDERS);
  });

  describe.each(FOLDERS)("%s", (folder) => {
    const [name, version] = folder.split("/");
    const source = (): BlueprintSource => {
      const loaded = sources.get(folder);
      if (!loaded) throw new Error(`${folder} did not load`);
      return loaded;
    };

    it("matches its folder name and version and links the manual", () => {
      expect(source().manifest.name).toBe(name);
      expect(source().manifest.version).toBe(version);
      expect(source().readme).toMatch(MANUAL_LINK);
      expect(source().manifest.links.some((link) => MANUAL_LINK.test(link.url))).toBe(true);
    });

    it("says in the README that unverified digests await the release steward", () => {
      const unverified = source().manifest.components.filter((component) => !component.digestVerified);
      if (unverified.length > 0) expect(source().readme).toContain("to be confirmed by the release steward");
      for (const component of unverified) expect(source().readme).toContain(component.version);
    });

    it("renders every example to parseable files with the expected kinds, deterministically", () => {
      expect(source().examples.map((example) => example.name)).toContain("defaults");
      expect(source().examples.length, "defaults plus at least one edge-case example").toBeGreaterThanOrEqual(
        2,
      );
      const kinds = new Set<string>();
      for (const example of source().examples) {
        const bundle = renderBlueprint(source(), example.values);
        expect(renderBlueprint(source(), structuredClone(example.values)).sha256sums).toBe(bundle.sha256sums);
        for (const file of bundle.files) {
          if (file.path.endsWith(".sh")) {
            expect(file.content.startsWith("#!/bin/sh\n"), file.path).toBe(true);
            const check = spawnSync("sh", ["-n"], { input: file.content, encoding: "utf8" });
            expect(check.stderr, `${example.name}: ${file.path}`).toBe("");
            continue;
          }
          const documents = parseAllDocuments(file.content);
          for (const document of documents) {
            expect(document.errors, `${example.name}: ${file.path}`).toEqual([]);
            const data = document.toJS() as Record<string, unknown> | null;
            expect(data, `${example.name}: ${file.path} has an empty document`).toBeTypeOf("object");
            if (file.path.startsWith("helm/")) {
              expect(documents).toHaveLength(1);
              expect(data).not.toHaveProperty("kind");
            } else {
              expect(data).toHaveProperty("apiVersion");
              expect(data).toHaveProperty("kind");
            }
          }
        }
        for (const kind of kindsOf(bundle)) kinds.add(kind);
      }
      expect([...kinds].sort()).toEqual(EXPECTED_KINDS[folder]);
    });

    it("labels its Kubernetes objects with the blueprint name and version", () => {
      const defaults = source().examples.find((example) => example.name === "defaults");
      const bundle = renderBlueprint(source(), defaults?.values);
      for (const file of bundle.files.filter((candidate) => candidate.path.startsWith("manifests/"))) {
        for (const document of parseAllDocuments(file.content)) {
          const data = document.toJS() as { metadata?: { labels?: Record<string, string> } };
          expect(data.metadata?.labels?.["blueprint.alliance-hub/name"], file.path).toBe(name);
          expect(data.metadata?.labels?.["blueprint.alliance-hub/version"], file.path).toBe(version);
        }
      }
    });

    it("reports every failing path of invalid parameters", () => {
      const { params, paths } = INVALID_PARAMETERS[folder];
      const result = validateParameters(source().schema, params);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : [...new Set(result.problems.map((problem) => problem.path))]).toEqual(paths);
    });
  });

  it("keeps metallb-l2 1.1.0 a compatible upgrade of 1.0.0", () => {
    const older = sources.get("metallb-l2/1.0.0");
    const newer = sources.get("metallb-l2/1.1.0");
    if (!older || !newer) throw new Error("metallb-l2 versions missing");
    expect(compareSemver(newer.manifest.version, older.manifest.version)).toBe(1);
    expect(newer.manifest.changelog.map((entry) => entry.kind)).toContain("added");
    for (const example of older.examples) {
      const objectsOf = (bundle: RenderedBundle) =>
        bundle.files
          .filter((file) => file.path.startsWith("manifests/"))
          .flatMap((file) => withoutVersionLabel(file.content));
      expect(objectsOf(renderBlueprint(newer, example.values))).toEqual(
        objectsOf(renderBlueprint(older, example.values)),
      );
    }
  });

  it("marks legacy-ingress-nginx deprecated in favour of edge-tls-gateway", () => {
    const legacy = sources.get("legacy-ingress-nginx/1.0.0");
    expect(legacy?.manifest.deprecated).toBe(true);
    expect(legacy?.manifest.replacedBy).toBe("edge-tls-gateway");
    expect(legacy?.readme).toContain("edge-tls-gateway");
    expect(legacy?.manifest.components[0]).toMatchObject({ version: "4.15.1", appVersion: "v1.15.1" });
  });
});
