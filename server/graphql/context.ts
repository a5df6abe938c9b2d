import type { DataSource } from "typeorm";
import type { Clock } from "../clock.js";
import type { HubConfig } from "../config.js";
import type { ApiTokenScope } from "../modules/api-tokens/api-token.entity.js";
import type { AgentIdentity } from "../modules/clusters/agent-identity.js";
import type { MembershipRole } from "../modules/cooperatives/membership.entity.js";
import type { Person } from "../modules/people/person.entity.js";
import type { SearchService } from "../modules/search/search-service.js";
import type { Policy } from "../policy/policy.js";
import type { Loaders } from "./loaders.js";

/** Who is making a request, and how they proved it. */
export interface ViewerIdentity {
  person: Person;
  method: "session" | "api_token";
  scopes: ApiTokenScope[];
  /** When the session's sign-in used a second factor; null when it did not or for API tokens. */
  secondFactorAt: Date | null;
  /** Role per cooperative ID, loaded once per request. */
  memberships: Map<string, MembershipRole>;
}

/** What every resolver receives. Created per request. */
export interface GraphQLContext {
  requestId: string;
  /** The client's address, keying rate limits of anonymous requests. */
  clientAddress: string;
  viewer: ViewerIdentity | null;
  /** A member cluster's agent, when the request carries a cluster credential (then `viewer` is null). */
  agent: AgentIdentity | null;
  policy: Policy;
  loaders: Loaders;
  dataSource: DataSource;
  clock: Clock;
  config: HubConfig;
  /** The configured search engine, behind query parsing and the miss log. */
  search: SearchService;
  /** Absolute base URL of the hub for links shown to people (invitations, install commands). */
  publicUrl: string;
  /** Aborted when the client goes away before its answer was sent (long-polls stop waiting). */
  signal?: AbortSignal;
}
