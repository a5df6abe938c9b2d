import { z } from "zod";

/**
 * The agent's status report (agent/status/status-report.ts), validated strictly: unknown keys, negative or absurd
 * figures are refused so a broken or hostile agent cannot poison placement. Limits are far above any real
 * cluster (a million cores, an exbibyte of memory) but below where arithmetic stops being exact.
 */
const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;
const MAX_COUNT = 10_000_000;
const MAX_NODES = 100_000;

const amount = (max: number) =>
  z.number().int("a whole number").min(0, "not negative").max(max, "absurdly large");

const figures = (max: number) =>
  z
    .strictObject({
      capacity: amount(max),
      allocatable: amount(max),
      allocated: amount(max),
      pending: amount(max),
    })
    .refine((value) => value.allocatable <= value.capacity, {
      message: "allocatable exceeds capacity",
      path: ["allocatable"],
    });

const nodeCount = amount(MAX_NODES);
const name = z.string().min(1).max(253);

/** Largest cpu in millicores: a million cores. */
const MAX_MILLICORES = 1_000_000_000;

export const statusReportSchema = z.strictObject({
  kubernetesVersion: z
    .string()
    .regex(/^v?\d+\.\d+[\w.+-]*$/, "a Kubernetes version such as v1.34.2")
    .max(64),
  nodes: z
    .strictObject({
      total: nodeCount,
      ready: nodeCount,
      schedulable: nodeCount,
      unschedulable: nodeCount,
      memoryPressure: nodeCount,
      diskPressure: nodeCount,
      pidPressure: nodeCount,
    })
    .refine((nodes) => nodes.ready <= nodes.total && nodes.schedulable <= nodes.ready, {
      message: "node counts contradict each other",
      path: ["ready"],
    }),
  resources: z.strictObject({
    cpu: figures(MAX_MILLICORES),
    memory: figures(MAX_AMOUNT),
    "ephemeral-storage": figures(MAX_AMOUNT),
    pods: figures(MAX_COUNT),
  }),
  gpus: z
    .record(name, figures(MAX_COUNT))
    .refine((gpus) => Object.keys(gpus).length <= 64, "at most 64 models"),
  storageClasses: z
    .record(name, z.strictObject({ allocated: amount(MAX_AMOUNT), pending: amount(MAX_AMOUNT) }))
    .refine((classes) => Object.keys(classes).length <= 256, "at most 256 storage classes")
    .optional(),
  freeNodeShapes: z
    .array(
      z.strictObject({
        cpuAtLeastMillicores: amount(MAX_MILLICORES),
        memoryAtLeastBytes: amount(MAX_AMOUNT),
        nodes: amount(MAX_NODES),
      }),
    )
    .max(1024),
});

/** A validated status report. */
export type ValidStatusReport = z.infer<typeof statusReportSchema>;

/** One event the agent queued (agent/runtime/event-queue.ts). */
export const agentEventSchema = z.strictObject({
  type: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, "an event type such as HubReachable"),
  at: z.iso.datetime({ offset: true }),
  message: z.string().max(4000),
  details: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean()])).optional(),
});

/** `RecordAgentEventsInput`. */
export const recordAgentEventsSchema = z.object({
  events: z.array(agentEventSchema).max(1000, "at most 1000 events"),
});
