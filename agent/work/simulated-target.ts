import type { KubernetesManifest } from "./guest-namespace.js";
import { type WorkTarget, WorkTargetError } from "./work-target.js";

/** Options of {@link SimulatedWorkTarget}. */
export interface SimulatedWorkTargetOptions {
  now: () => Date;
  /** How long after an apply workloads become available and claims bound; default 5 s. */
  readyAfterMs?: number;
  /** How long a deleted namespace stays Terminating; default 2 s. */
  terminationMs?: number;
}

interface Stored {
  object: KubernetesManifest;
  appliedAt: number;
}

const NAMESPACED_PATH = /^\/apis?\/.+?\/namespaces\/([^/]+)\/[^/]+\/[^/]+$/;
const NAMESPACE_PATH = /^\/api\/v1\/namespaces\/([^/]+)$/;

/**
 * A cluster in memory for demo agents (no Kubernetes API): applied objects are stored by path and, after
 * `readyAfterMs`, Deployments and StatefulSets report all replicas available and claims Bound. A deleted namespace
 * is Terminating for `terminationMs`, then gone with everything in it, as on a real cluster.
 */
export class SimulatedWorkTarget implements WorkTarget {
  private readonly objects = new Map<string, Stored>();
  private generation = 0;

  constructor(private readonly options: SimulatedWorkTargetOptions) {}

  async apply(path: string, object: KubernetesManifest): Promise<KubernetesManifest> {
    const namespace = NAMESPACED_PATH.exec(path)?.[1];
    if (namespace !== undefined) {
      const parent = this.read(`/api/v1/namespaces/${namespace}`);
      if (!parent) throw new WorkTargetError(404, `namespaces "${namespace}" not found`);
      if (parent.status && (parent.status as { phase?: string }).phase === "Terminating")
        throw new WorkTargetError(403, `namespace ${namespace} is being terminated`);
    } else if (!NAMESPACE_PATH.test(path))
      throw new WorkTargetError(404, `${path}: not a path this simulation knows`);
    this.generation += 1;
    const previous = this.objects.get(path);
    const metadata = { ...(object.metadata as object), generation: this.generation };
    const stored: KubernetesManifest = { ...structuredClone(object), metadata };
    if (previous?.object.kind === "Namespace") stored.status = previous.object.status;
    else if (object.kind === "Namespace") stored.status = { phase: "Active" };
    this.objects.set(path, { object: stored, appliedAt: this.options.now().getTime() });
    return this.decorate(stored, this.options.now().getTime());
  }

  async get(path: string): Promise<KubernetesManifest | undefined> {
    return this.read(path);
  }

  async delete(path: string): Promise<void> {
    const stored = this.objects.get(path);
    if (!stored) return;
    if (stored.object.kind !== "Namespace") {
      this.objects.delete(path);
      return;
    }
    const now = this.options.now();
    stored.object.status = { phase: "Terminating" };
    stored.object.metadata = { ...(stored.object.metadata as object), deletionTimestamp: now.toISOString() };
    stored.appliedAt = now.getTime();
  }

  /** Every stored object (status included), for capacity simulation and tests. */
  list(): KubernetesManifest[] {
    return [...this.objects.keys()].flatMap((path): KubernetesManifest[] => {
      const object = this.read(path);
      return object ? [object] : [];
    });
  }

  private read(path: string): KubernetesManifest | undefined {
    this.collectTerminated();
    const stored = this.objects.get(path);
    return stored ? this.decorate(stored.object, stored.appliedAt) : undefined;
  }

  /** Finishes the namespaces whose termination period is over, with everything in them. */
  private collectTerminated(): void {
    const now = this.options.now().getTime();
    const terminationMs = this.options.terminationMs ?? 2000;
    for (const [path, stored] of this.objects) {
      const phase = (stored.object.status as { phase?: string } | undefined)?.phase;
      if (
        stored.object.kind !== "Namespace" ||
        phase !== "Terminating" ||
        now - stored.appliedAt < terminationMs
      )
        continue;
      const prefix = `/namespaces/${NAMESPACE_PATH.exec(path)?.[1]}/`;
      for (const other of this.objects.keys())
        if (other === path || other.includes(prefix)) this.objects.delete(other);
    }
  }

  private decorate(object: KubernetesManifest, appliedAt: number): KubernetesManifest {
    const ready = this.options.now().getTime() - appliedAt >= (this.options.readyAfterMs ?? 5000);
    const generation = (object.metadata as { generation: number }).generation;
    const spec = (object.spec ?? {}) as { replicas?: number };
    switch (object.kind) {
      case "Deployment":
      case "StatefulSet": {
        const replicas = spec.replicas ?? 1;
        const available = ready ? replicas : 0;
        return {
          ...object,
          status: { observedGeneration: generation, replicas, availableReplicas: available },
        };
      }
      case "PersistentVolumeClaim":
        return { ...object, status: { phase: ready ? "Bound" : "Pending" } };
      default:
        return object;
    }
  }
}
