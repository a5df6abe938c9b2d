import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one hub instance (a registry per instance, so tests can run several). */
export interface HubMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  graphqlDuration: Histogram<"operation" | "type" | "outcome">;
  graphqlOperations: Counter<"operation" | "type" | "outcome">;
  databasePool: Gauge<"state">;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(readPool: () => { total: number; idle: number; waiting: number }): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const databasePool = new Gauge({
    name: "hub_database_pool_connections",
    help: "Database pool connections by state",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = readPool();
      this.set({ state: "total" }, pool.total);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "waiting" }, pool.waiting);
    },
  });
  return {
    registry,
    databasePool,
    httpDuration: new Histogram({
      name: "hub_http_request_duration_seconds",
      help: "HTTP request duration",
      labelNames: ["method", "route", "status"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: "hub_graphql_operation_duration_seconds",
      help: "GraphQL operation duration",
      labelNames: ["operation", "type", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: "hub_graphql_operations_total",
      help: "GraphQL operations",
      labelNames: ["operation", "type", "outcome"] as const,
      registers: [registry],
    }),
  };
}
