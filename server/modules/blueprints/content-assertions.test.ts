import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { loadBlueprintFolderOrThrow } from "./format/load-folder.js";
import { readBlueprintFolder } from "./format/read-folder.js";
import { renderBlueprint } from "./rendering/render-blueprint.js";

// What the shipped blueprints render, asserted on content (content-blueprints.test.ts checks kinds and parsing).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../content");
const load = async (folder: string) =>
  loadBlueprintFolderOrThrow(await readBlueprintFolder(join(ROOT, "blueprints", folder)));
/** The fields of rendered documents these tests read. */
interface Document {
  apiVersion?: string;
  kind?: string;
  controlPlaneEndpoint?: string;
  networking?: Record<string, string>;
  mode?: string;
  discovery?: { bootstrapToken?: { apiServerEndpoint?: string } };
  spec?: { containers: Array<{ env: Array<{ name: string; value: string }> }> };
}

function documentsOf(bundle: ReturnType<typeof renderBlueprint>, path: string): Document[] {
  const file = bundle.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} not rendered; files: ${bundle.files.map((f) => f.path).join(", ")}`);
  return parseAllDocuments(file.content).map((document) => document.toJS() as Document);
}
const fileOf = (bundle: ReturnType<typeof renderBlueprint>, path: string) =>
  bundle.files.find((candidate) => candidate.path === path)?.content ?? "";

describe("kubeadm-ha-baremetal renders the configuration its README promises", () => {
  const parameters = {
    bootstrapToken: "abcdef.0123456789abcdef",
    certificateKey: "e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204",
    // With the CA hash (known after init) the join configurations are rendered too.
    caCertHashes: [`sha256:${"7c".repeat(32)}`],
    controlPlane: { endpoint: "192.168.7.100", port: 8443, firstNodeAddress: "192.168.7.11" },
    networking: { podSubnet: "172.30.0.0/16", serviceSubnet: "172.31.0.0/20" },
  };

  it("uses kubeadm v1beta4, the VIP and port as controlPlaneEndpoint, and the subnets from the parameters", async () => {
    const bundle = renderBlueprint(await load("kubeadm-ha-baremetal/1.0.0"), parameters);
    const documents = documentsOf(bundle, "kubeadm/init-configuration.yaml");
    const kubeadm = documents.filter((document) => String(document.apiVersion).startsWith("kubeadm.k8s.io"));
    expect(kubeadm.map((document) => document.kind)).toEqual(["InitConfiguration", "ClusterConfiguration"]);
    for (const document of kubeadm) expect(document.apiVersion).toBe("kubeadm.k8s.io/v1beta4");
    for (const path of ["kubeadm/join-control-plane.yaml", "kubeadm/join-worker.yaml"]) {
      const join = documentsOf(bundle, path).find((document) => document.kind === "JoinConfiguration");
      expect(join?.apiVersion, path).toBe("kubeadm.k8s.io/v1beta4");
      expect(join?.discovery?.bootstrapToken?.apiServerEndpoint, path).toBe("192.168.7.100:8443");
    }
    const cluster = kubeadm[1];
    expect(cluster.controlPlaneEndpoint).toBe("192.168.7.100:8443");
    expect(cluster.networking).toMatchObject({ podSubnet: "172.30.0.0/16", serviceSubnet: "172.31.0.0/20" });
    const vip = documentsOf(bundle, "manifests/kube-vip-first-node.yaml")[0];
    const env = Object.fromEntries(
      (vip.spec?.containers[0].env ?? []).map((entry) => [entry.name, entry.value]),
    );
    expect(env).toMatchObject({ address: "192.168.7.100", port: "8443" });
  });

  it("configures kube-proxy in IPVS mode with strictARP (MetalLB layer 2), or nftables when asked", async () => {
    const source = await load("kubeadm-ha-baremetal/1.0.0");
    const proxyOf = (values: unknown) =>
      documentsOf(renderBlueprint(source, values), "kubeadm/init-configuration.yaml").find(
        (document) => document.kind === "KubeProxyConfiguration",
      );
    const ipvs = proxyOf(parameters);
    expect(ipvs).toMatchObject({
      apiVersion: "kubeproxy.config.k8s.io/v1alpha1",
      mode: "ipvs",
      clusterCIDR: "172.30.0.0/16",
      ipvs: { strictARP: true },
    });
    expect(proxyOf({ ...parameters, kubeProxy: { mode: "nftables" } })?.mode).toBe("nftables");
  });
});

describe("openebs-mayastor-replicated renders preflight scripts that check what its README lists", () => {
  it.each(["1.0.0", "1.1.0"])("%s checks hugepages, the nvme-tcp module, kernel and CPU", async (version) => {
    const source = await load(`openebs-mayastor-replicated/${version}`);
    for (const requirement of ["hugepages", "`nvme-tcp`", "5.13", "SSE4.2", "openebs.io/engine=mayastor"])
      expect(source.readme).toContain(requirement);
    const bundle = renderBlueprint(source, { hugepages2Mi: 2048 });
    const check = fileOf(bundle, "preflight/check-node.sh");
    expect(check).toContain("wanted=2048");
    expect(check).toContain("/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages");
    expect(check).toMatch(/lsmod \| grep -qw nvme_tcp \|\| modprobe nvme-tcp/);
    expect(check).toContain("sse4_2");
    const label = fileOf(bundle, "preflight/label-nodes.sh");
    for (const node of ["worker-1", "worker-2", "worker-3"])
      expect(label).toContain(`kubectl label node '${node}' openebs.io/engine=mayastor --overwrite`);
    expect(label).toContain('if [ "$count" -lt 3 ]');
  });

  it("1.1.0 checks this node's pool disks, and running it reports every unmet requirement", async () => {
    const source = await load("openebs-mayastor-replicated/1.1.0");
    expect(source.readme).toMatch(/dedicated disk per pool[^\n]*\n[^\n]*fails when a pool disk/);
    const bundle = renderBlueprint(source, {
      diskPools: [
        { node: "worker-1", disk: "/dev/disk/by-id/nvme-a" },
        { node: "worker-2", disk: "/dev/disk/by-id/nvme-b" },
        { node: "worker-2", disk: "/dev/disk/by-path/pci-0000:01:00.0-nvme-1" },
      ],
      ioEngineNodes: ["worker-1", "worker-2", "worker-3"],
    });
    const script = fileOf(bundle, "preflight/check-node.sh");
    // Run it for worker-2 with lsmod and modprobe stubbed: no kernel module is touched, nvme-tcp "cannot load".
    const stubs = mkdtempSync(join(tmpdir(), "preflight-"));
    try {
      for (const [tool, body] of [
        ["lsmod", "exit 0"],
        ["modprobe", "exit 1"],
      ]) {
        writeFileSync(join(stubs, tool), `#!/bin/sh\n${body}\n`);
        chmodSync(join(stubs, tool), 0o755);
      }
      const run = spawnSync("sh", ["-c", script], {
        encoding: "utf8",
        env: { PATH: `${stubs}:/usr/bin:/bin`, NODE_NAME: "worker-2" },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("FAIL: nvme-tcp module cannot be loaded");
      expect(run.stdout).toMatch(/(FAIL: |ok: {3})\d+ hugepages of 2 MiB/);
      expect(run.stdout).toContain(
        "FAIL: pool disk /dev/disk/by-id/nvme-b is not a block device on worker-2",
      );
      expect(run.stdout).toContain(
        "FAIL: pool disk /dev/disk/by-path/pci-0000:01:00.0-nvme-1 is not a block device on worker-2",
      );
      expect(run.stdout).not.toContain("nvme-a");
      expect(run.stdout).toMatch(/\d+ requirement\(s\) not met/);
    } finally {
      rmSync(stubs, { recursive: true, force: true });
    }
  });
});

describe("every blueprint README links manual pages that exist", () => {
  it("resolves each /manuals/cooby-stack/<release>/<chapter>[/<page>] link to a file in content/manuals", async () => {
    const { readdirSync } = await import("node:fs");
    const folders = readdirSync(join(ROOT, "blueprints")).flatMap((name) =>
      readdirSync(join(ROOT, "blueprints", name)).map((version) => `${name}/${version}`),
    );
    expect(folders.length).toBeGreaterThanOrEqual(11);
    for (const folder of folders) {
      const source = await load(folder);
      const links = [
        ...source.readme.matchAll(/\(\/manuals\/([a-z0-9-]+)\/([0-9.]+)\/([a-z0-9/-]+)(#[^)]*)?\)/g),
      ];
      expect(links.length, `${folder} links its manual chapter`).toBeGreaterThan(0);
      for (const [, manual, release, path] of links) {
        const [chapter, page] = path.replace(/\/$/, "").split("/");
        const file = join(ROOT, "manuals", manual, release, chapter, `${page ?? "index"}.md`);
        expect(existsSync(file), `${folder}: /manuals/${manual}/${release}/${path} -> ${file}`).toBe(true);
      }
    }
  });
});
