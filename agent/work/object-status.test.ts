import { describe, expect, it } from "vitest";
import { objectStatus, workConditions } from "./object-status.js";

const deployment = (replicas: number | undefined, status: object, generation = 1) => ({
  kind: "Deployment",
  metadata: { generation },
  spec: replicas === undefined ? {} : { replicas },
  status,
});

describe("Object status", () => {
  it.each([
    [
      "all replicas available",
      deployment(3, { observedGeneration: 1, availableReplicas: 3 }),
      "Available",
      "3/3 available",
    ],
    [
      "some replicas available",
      deployment(3, { observedGeneration: 1, availableReplicas: 1 }),
      "Progressing",
      "1/3 available",
    ],
    ["no status yet", deployment(2, {}), "Progressing", "0/2 available"],
    [
      "replicas default to one",
      deployment(undefined, { availableReplicas: 1 }),
      "Available",
      "1/1 available",
    ],
    [
      "old generation observed",
      deployment(1, { observedGeneration: 1, availableReplicas: 1 }, 2),
      "Progressing",
      "1/1 available",
    ],
    ["scaled to zero", deployment(0, { observedGeneration: 1 }), "Available", "0/0 available"],
  ])("Deployment: %s", (_, object, status, message) => {
    expect(objectStatus(object)).toEqual({ status, message });
  });

  it("StatefulSets and DaemonSets compare available with desired", () => {
    expect(
      objectStatus({ kind: "StatefulSet", spec: { replicas: 2 }, status: { availableReplicas: 2 } }).status,
    ).toBe("Available");
    expect(
      objectStatus({ kind: "DaemonSet", status: { desiredNumberScheduled: 4, numberAvailable: 3 } }),
    ).toEqual({ status: "Progressing", message: "3/4 available" });
  });

  it("claims report their phase; other kinds are Applied", () => {
    expect(objectStatus({ kind: "PersistentVolumeClaim", status: { phase: "Bound" } }).status).toBe("Bound");
    expect(objectStatus({ kind: "PersistentVolumeClaim", status: { phase: "Pending" } }).status).toBe(
      "Pending",
    );
    expect(objectStatus({ kind: "PersistentVolumeClaim", status: { phase: "Lost" } }).status).toBe("Failed");
    expect(objectStatus({ kind: "ConfigMap" })).toEqual({ status: "Applied", message: "" });
  });
});

describe("Job and CronJob status", () => {
  const job = (status: object) => ({ kind: "Job", metadata: { generation: 1 }, status });

  it.each([
    ["running", job({ active: 2, succeeded: 1 }), "Running", "2 active, 1 succeeded"],
    ["no status yet", job({}), "Running", "0 active, 0 succeeded"],
    [
      "complete",
      job({ succeeded: 3, conditions: [{ type: "Complete", status: "True" }] }),
      "Complete",
      "3 succeeded",
    ],
    [
      "failed, with Kubernetes' reason",
      job({
        failed: 6,
        conditions: [
          { type: "Complete", status: "False" },
          {
            type: "Failed",
            status: "True",
            reason: "BackoffLimitExceeded",
            message: "Job has reached the specified backoff limit",
          },
        ],
      }),
      "Failed",
      "BackoffLimitExceeded: Job has reached the specified backoff limit",
    ],
    [
      "a False Failed condition is not a failure",
      job({ active: 1, conditions: [{ type: "Failed", status: "False" }] }),
      "Running",
      "1 active, 0 succeeded",
    ],
  ])("Job %s", (_case, object, status, message) => {
    expect(objectStatus(object)).toEqual({ status, message });
  });

  it("reports a CronJob as Scheduled with its running jobs and last success", () => {
    expect(objectStatus({ kind: "CronJob", status: {} })).toEqual({
      status: "Scheduled",
      message: "0 running, no successful run yet",
    });
    expect(
      objectStatus({
        kind: "CronJob",
        status: { active: [{ name: "backup-1" }], lastSuccessfulTime: "2026-11-25T03:00:00Z" },
      }),
    ).toEqual({ status: "Scheduled", message: "1 running, last success 2026-11-25T03:00:00Z" });
  });

  it("makes a failed Job's work Degraded, and a running Job's work Available", () => {
    const failed = workConditions([
      {
        apiVersion: "batch/v1",
        kind: "Job",
        name: "migrate",
        status: "Failed",
        message: "BackoffLimitExceeded",
      },
    ]);
    expect(failed.find((condition) => condition.type === "Degraded")?.status).toBe("True");
    const running = workConditions([
      {
        apiVersion: "batch/v1",
        kind: "Job",
        name: "migrate",
        status: "Running",
        message: "1 active, 0 succeeded",
      },
    ]);
    expect(running.find((condition) => condition.type === "Available")?.status).toBe("True");
  });
});

describe("Work conditions", () => {
  const object = (name: string, status: string, message = "") => ({
    apiVersion: "v1",
    kind: "X",
    name,
    status,
    message,
  });

  it("is Available when every object is ready", () => {
    expect(workConditions([object("a", "Applied"), object("b", "Available"), object("c", "Bound")])).toEqual([
      { type: "Applied", status: "True", reason: "Applied", message: "3 objects applied" },
      { type: "Available", status: "True", reason: "Available", message: "every object is ready" },
      { type: "Degraded", status: "False", reason: "AsExpected", message: "" },
    ]);
  });

  it("is Applied but not Available while something rolls out", () => {
    const [applied, available] = workConditions([
      object("a", "Applied"),
      object("web", "Progressing", "1/3 available"),
    ]);
    expect(applied.status).toBe("True");
    expect(available).toEqual({
      type: "Available",
      status: "False",
      reason: "Progressing",
      message: "X/web: 1/3 available",
    });
  });

  it("is Available=Unknown when an object could not be read back", () => {
    const [, available] = workConditions([
      object("a", "Progressing"),
      object("b", "Unknown", "could not read back"),
    ]);
    expect(available).toMatchObject({ status: "Unknown", reason: "ReadFailed" });
  });

  it("is not Applied and Degraded when one object failed, naming it", () => {
    const conditions = workConditions([
      object("a", "Applied"),
      object("bad", "Failed", "spec.replicas: Invalid value"),
    ]);
    expect(conditions.map((condition) => [condition.type, condition.status])).toEqual([
      ["Applied", "False"],
      ["Available", "False"],
      ["Degraded", "True"],
    ]);
    expect(conditions[2].message).toBe("1 of 2 objects failed: X/bad: spec.replicas: Invalid value");
  });
});
