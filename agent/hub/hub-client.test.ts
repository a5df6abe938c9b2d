import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubClient } from "./hub-client.js";
import { HubError } from "./hub-errors.js";

type Handler = (
  body: { query: string; variables?: Record<string, unknown> },
  request: IncomingMessage,
  response: ServerResponse,
) => void;

describe("Hub client", () => {
  let server: Server;
  let url: string;
  let handler: Handler = () => undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = "";
      request.on("data", (chunk) => {
        text += chunk;
      });
      request.on("end", () => handler(JSON.parse(text), request, response));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function answer(status: number, body: unknown): Handler {
    return (_body, _request, response) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
  }

  async function failure(call: Promise<unknown>): Promise<HubError> {
    const error = await call.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!(error instanceof HubError)) throw new Error(`expected a HubError, got ${String(error)}`);
    return error;
  }

  it("sends the operation with the credential as a bearer token and returns the root field", async () => {
    let seen: { authorization?: string; query?: string; variables?: Record<string, unknown> } = {};
    handler = (body, request, response) => {
      seen = { authorization: request.headers.authorization, query: body.query, variables: body.variables };
      answer(200, { data: { renewLease: { leaseSeconds: 10, serverTime: "2026-11-25T09:00:00Z" } } })(
        body,
        request,
        response,
      );
    };
    const client = new HubClient({ url, credential: () => "secret-token" });
    const result = await client.renewLease(new Date("2026-11-25T09:00:01Z"));
    expect(result).toEqual({ leaseSeconds: 10, serverTime: "2026-11-25T09:00:00Z" });
    expect(seen.authorization).toBe("Bearer secret-token");
    expect(seen.query).toContain("renewLease(input: $input)");
    expect(seen.variables).toEqual({ input: { agentTime: "2026-11-25T09:00:01.000Z" } });
  });

  it("turns GraphQL errors into typed errors carrying code and reason", async () => {
    handler = answer(200, {
      errors: [{ message: "credential revoked", extensions: { code: "UNAUTHENTICATED", reason: "revoked" } }],
    });
    const error = await failure(new HubClient({ url, credential: () => "t" }).rotateCredential());
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.revoked).toBe(true);
    expect(error.retryable).toBe(false);
  });

  it("retries while the hub's database is away (SERVICE_UNAVAILABLE in a 503 answer)", async () => {
    handler = answer(503, {
      errors: [{ message: "The database is not reachable", extensions: { code: "SERVICE_UNAVAILABLE" } }],
    });
    const error = await failure(new HubClient({ url, credential: () => "t" }).renewLease(new Date()));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.retryable).toBe(true);
  });

  it.each([
    [503, true],
    [429, true],
    [404, false],
  ])("classifies a bare HTTP %d as retryable: %s", async (status, retryable) => {
    handler = (_body, _request, response) => {
      response.writeHead(status);
      response.end("nope");
    };
    const error = await failure(new HubClient({ url, credential: () => undefined }).renewLease(new Date()));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
  });

  it("gives up after the timeout", async () => {
    handler = () => undefined;
    const client = new HubClient({ url, credential: () => undefined, timeoutMs: 50 });
    const error = await failure(client.reportStatus({ clusterUid: "u", observedAt: "x", report: {} }));
    expect(error.code).toBe("TIMEOUT");
    expect(error.retryable).toBe(true);
  });

  it("reports an unreachable hub as a retryable network error", async () => {
    const client = new HubClient({ url: "http://127.0.0.1:1/graphql", credential: () => undefined });
    const error = await failure(client.recordAgentEvents([]));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.retryable).toBe(true);
  });

  it("rejects an answer without the expected data", async () => {
    handler = answer(200, { data: { somethingElse: true } });
    const error = await failure(
      new HubClient({ url, credential: () => undefined }).reportStatus({
        clusterUid: "u",
        observedAt: "x",
        report: {},
      }),
    );
    expect(error.code).toBe("BAD_RESPONSE");
  });
  it("asks for work with a query and reports work status with the agreed variables", async () => {
    const received: Array<{ query: string; variables?: Record<string, unknown> }> = [];
    const item = {
      id: "work-1",
      generation: 2,
      desiredState: "PRESENT",
      namespace: "alliance-guest-a-1",
      guestCooperativeSlug: "a",
      placementId: "p-1",
      replicas: 1,
      reservation: [{ resource: "cpu", amount: 500 }],
      manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }],
    };
    handler = (body, _request, response) => {
      received.push(body);
      const data = body.query.includes("agentWork")
        ? { agentWork: [item] }
        : { reportWorkStatus: { accepted: true } };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ data }));
    };
    const client = new HubClient({ url, credential: () => "agent-token" });
    expect(await client.agentWork()).toEqual([item]);
    const input = {
      workId: "work-1",
      generation: 2,
      conditions: [{ type: "Applied" as const, status: "True" as const, reason: "Applied", message: "" }],
      objects: [{ apiVersion: "v1", kind: "ConfigMap", name: "c", status: "Applied", message: "" }],
    };
    expect(await client.reportWorkStatus(input)).toEqual({ accepted: true });
    expect(received[0].query).toMatch(/query AgentWork \{\s*agentWork \{/);
    for (const field of [
      "generation",
      "desiredState",
      "guestCooperativeSlug",
      "reservation { resource amount }",
      "manifests",
    ])
      expect(received[0].query).toContain(field);
    expect(received[1].query).toMatch(/mutation ReportWorkStatus\(\$input: ReportWorkStatusInput!\)/);
    expect(received[1].variables).toEqual({ input });
  });
});
