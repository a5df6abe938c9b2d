import type {
  ClusterIdentity,
  ClusterSnapshot,
  ClusterSource,
  NamespaceFacts,
  NodeFacts,
  PodFacts,
} from "./cluster-source.js";
import { mixSeed, seededRandom } from "./seeded-random.js";

/** Options of {@link SimulatedClusterSource}. */
export interface SimulatedClusterOptions {
  seed: number;
  nodes: number;
  /** Injected clock: the pod load follows it, so a virtual clock drives the simulation. */
  now: () => Date;
  kubernetesVersion?: string;
  /** One full swing of the load curve; default one hour. */
  driftPeriodMs?: number;
  /** Pods are re-drawn once per step; default one minute. */
  stepMs?: number;
}

interface NodeShape {
  cpuCores: number;
  memoryGibibytes: number;
  gpus?: { count: number; model: string };
}

const SHAPES: NodeShape[] = [
  { cpuCores: 4, memoryGibibytes: 16 },
  { cpuCores: 8, memoryGibibytes: 32 },
  { cpuCores: 16, memoryGibibytes: 64 },
  { cpuCores: 32, memoryGibibytes: 128 },
];
const GPU_SHAPE: NodeShape = { cpuCores: 32, memoryGibibytes: 256, gpus: { count: 4, model: "NVIDIA-L40S" } };
const POD_SIZES_MILLICORES = [100, 250, 500, 1000, 2000];

interface SimulatedNode {
  facts: NodeFacts;
  shape: NodeShape;
  phase: number;
}

/**
 * A deterministic simulated cluster: the same seed gives the same nodes, the same seed and time the same pods.
 * Load swings between roughly 20 % and 95 % of allocatable cpu over `driftPeriodMs`; above 80 % some pods wait.
 * Used by the demo and the benchmarks, where no Kubernetes API server is available.
 */
export class SimulatedClusterSource implements ClusterSource {
  private readonly nodes: SimulatedNode[];
  private readonly clusterUid: string;

  constructor(private readonly options: SimulatedClusterOptions) {
    const random = seededRandom(options.seed);
    this.clusterUid = [8, 4, 4, 4, 12]
      .map((length) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join(""))
      .join("-");
    this.nodes = Array.from({ length: options.nodes }, (_, index) => this.buildNode(index, random));
  }

  async identity(): Promise<ClusterIdentity> {
    return { clusterUid: this.clusterUid, kubernetesVersion: this.options.kubernetesVersion ?? "v1.34.2" };
  }

  async snapshot(): Promise<ClusterSnapshot> {
    const nowMs = this.options.now().getTime();
    const step = Math.floor(nowMs / (this.options.stepMs ?? 60_000));
    const pods = this.nodes.flatMap((node, index) => this.podsOf(node, index, step, nowMs));
    return { nodes: this.nodes.map((node) => node.facts), pods, namespaces: this.namespaces() };
  }

  /**
   * Namespaces labelled as official blueprints install them, so the demo's blueprint pages show "running on"
   * counts: every cluster runs metallb-l2 (1.1.0 for odd seeds, 1.0.0 for even ones), two in three openebs-localpv.
   */
  private namespaces(): NamespaceFacts[] {
    const blueprint = (name: string, version: string) => ({
      "blueprint.alliance-hub/name": name,
      "blueprint.alliance-hub/version": version,
    });
    const { seed } = this.options;
    const namespaces: NamespaceFacts[] = [
      { name: "simulated", labels: {} },
      { name: "metallb-system", labels: blueprint("metallb-l2", seed % 2 === 1 ? "1.1.0" : "1.0.0") },
    ];
    if (seed % 3 !== 0) namespaces.push({ name: "openebs", labels: blueprint("openebs-localpv", "1.0.0") });
    return namespaces;
  }

  private buildNode(index: number, random: () => number): SimulatedNode {
    const shape = random() < 0.1 ? GPU_SHAPE : SHAPES[Math.floor(random() * SHAPES.length)];
    const name = `sim-${this.options.seed}-node-${String(index).padStart(3, "0")}`;
    const ready = random() >= 0.03;
    const capacity: Record<string, string> = {
      cpu: String(shape.cpuCores),
      memory: `${shape.memoryGibibytes}Gi`,
      "ephemeral-storage": "200Gi",
      pods: "110",
    };
    const allocatable: Record<string, string> = {
      cpu: `${shape.cpuCores * 1000 - 200}m`,
      memory: `${shape.memoryGibibytes * 1024 - 768}Mi`,
      "ephemeral-storage": "180Gi",
      pods: "110",
    };
    const labels: Record<string, string> = { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux" };
    if (shape.gpus) {
      capacity["nvidia.com/gpu"] = String(shape.gpus.count);
      allocatable["nvidia.com/gpu"] = String(shape.gpus.count);
      labels["nvidia.com/gpu.product"] = shape.gpus.model;
    }
    const facts: NodeFacts = {
      name,
      capacity,
      allocatable,
      conditions: {
        Ready: ready ? "True" : "False",
        MemoryPressure: "False",
        DiskPressure: random() < 0.02 ? "True" : "False",
        PIDPressure: "False",
      },
      unschedulable: random() < 0.03,
      labels,
    };
    return { facts, shape, phase: random() };
  }

  /** Share of the node's cpu requested at `nowMs`, between about 0.2 and 0.95. */
  private load(node: SimulatedNode, nowMs: number): number {
    const angle = 2 * Math.PI * (nowMs / (this.options.driftPeriodMs ?? 3_600_000) + node.phase);
    return 0.575 + 0.375 * Math.sin(angle);
  }

  private podsOf(node: SimulatedNode, index: number, step: number, nowMs: number): PodFacts[] {
    const random = seededRandom(mixSeed(this.options.seed, index, step));
    const pods: PodFacts[] = [];
    const load = node.facts.conditions.Ready === "True" ? this.load(node, nowMs) : 0;
    const capacityMillicores = node.shape.cpuCores * 1000 - 200;
    const targetMillicores = Math.min(load, 0.8) * capacityMillicores;
    let requested = 0;
    while (requested < targetMillicores && pods.length < 100) {
      const millicores = POD_SIZES_MILLICORES[Math.floor(random() * POD_SIZES_MILLICORES.length)];
      if (requested + millicores > capacityMillicores) break;
      const memoryMebibytes = Math.round((millicores / 1000) * (2048 + random() * 4096));
      requested += millicores;
      const requests: Record<string, string> = { cpu: `${millicores}m`, memory: `${memoryMebibytes}Mi` };
      if (node.shape.gpus && pods.length < node.shape.gpus.count && random() < load)
        requests["nvidia.com/gpu"] = "1";
      pods.push(this.pod(`${node.facts.name}-pod-${pods.length}`, node.facts.name, requests));
    }
    // Demand beyond 80 % of a node does not fit: those pods wait unscheduled.
    const overflow = Math.max(0, load - 0.8) * capacityMillicores;
    for (let waiting = 0; waiting * 1000 < overflow; waiting += 1) {
      pods.push(this.pod(`${node.facts.name}-pending-${waiting}`, undefined, { cpu: "1", memory: "2Gi" }));
    }
    return pods;
  }

  private pod(name: string, nodeName: string | undefined, requests: Record<string, string>): PodFacts {
    return {
      namespace: "simulated",
      name,
      nodeName,
      phase: nodeName ? "Running" : "Pending",
      containerRequests: [requests],
      initContainerRequests: [],
      overhead: {},
      nodeSelector: {},
    };
  }
}
