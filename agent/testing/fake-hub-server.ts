import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One GraphQL request the fake hub received. */
export interface FakeHubRequest {
  operationName: string;
  authorization?: string;
  variables?: Record<string, unknown>;
}

/** A running fake hub. */
export interface FakeHubServer {
  url: string;
  requests: FakeHubRequest[];
  /** When set, every authenticated call answers UNAUTHENTICATED with reason `revoked`. */
  revoked: boolean;
  /** What `agentWork` answers. */
  work: object[];
  close(): Promise<void>;
}

const OPERATION_NAME = /(?:mutation|query)\s+(\w+)/;
const DAY_MS = 86_400_000;

/** The `data` the hub answers for an operation, in the agreed shapes; undefined for an unknown operation. */
function answerFor(operationName: string, work: object[]): object | undefined {
  const expiresAt = new Date(Date.now() + DAY_MS).toISOString();
  switch (operationName) {
    case "RegisterCluster":
      return {
        registerCluster: {
          cluster: { id: "cluster-42", name: "coop-a-main" },
          credential: { token: "agent-token-1", expiresAt },
          leaseSeconds: 1,
          statusIntervalSeconds: 30,
        },
      };
    case "RenewLease":
      return { renewLease: { leaseSeconds: 1, serverTime: new Date().toISOString() } };
    case "ReportStatus":
      return { reportStatus: { accepted: true } };
    case "RotateCredential":
      return { rotateCredential: { credential: { token: "agent-token-2", expiresAt } } };
    case "RecordAgentEvents":
      return { recordAgentEvents: { accepted: true } };
    case "AgentWork":
      return { agentWork: work };
    case "ReportWorkStatus":
      return { reportWorkStatus: { accepted: true } };
    default:
      return undefined;
  }
}

/**
 * A GraphQL-over-HTTP stand-in for the hub's agent API (the real resolvers do not exist yet), answering the agent's
 * operations with the agreed shapes. Used to drive the real CLI end to end.
 */
export async function startFakeHubServer(): Promise<FakeHubServer> {
  const state: FakeHubServer = {
    url: "",
    requests: [],
    revoked: false,
    work: [],
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const body: { query: string; variables?: Record<string, unknown> } = JSON.parse(text);
      const operationName = OPERATION_NAME.exec(body.query)?.[1] ?? "";
      state.requests.push({
        operationName,
        authorization: request.headers.authorization,
        variables: body.variables,
      });
      const answer = answerFor(operationName, state.work);
      let payload: object;
      if (!answer)
        payload = { errors: [{ message: "unknown operation", extensions: { code: "BAD_REQUEST" } }] };
      else if (state.revoked && operationName !== "RegisterCluster") {
        payload = {
          errors: [
            { message: "credential revoked", extensions: { code: "UNAUTHENTICATED", reason: "revoked" } },
          ],
        };
      } else payload = { data: answer };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}
