/**
 * Failures talking to the hub. GraphQL errors keep the hub's `extensions.code`; transport failures get agent-side
 * codes. The agent loop decides from the code alone whether to retry, drop or stop.
 */

/** Codes raised by the agent itself when no GraphQL answer arrived. */
export type TransportErrorCode = "NETWORK_ERROR" | "TIMEOUT" | "HTTP_ERROR" | "BAD_RESPONSE";

/** Extension code meaning the credential is no longer accepted. */
export const UNAUTHENTICATED = "UNAUTHENTICATED";
/** `extensions.reason` the hub sets when a cooperative admin or steward revoked the credential. */
export const REASON_REVOKED = "revoked";

/** Codes worth retrying: the hub or the network is away or overloaded, not the request wrong. */
const RETRYABLE_CODES = new Set<string>([
  "NETWORK_ERROR",
  "TIMEOUT",
  "HTTP_ERROR",
  "INTERNAL_SERVER_ERROR",
  "RATE_LIMITED",
  // The hub answers this while its database is away: the request was fine, try again once it is back.
  "SERVICE_UNAVAILABLE",
]);

/** One failed hub call. */
export class HubError extends Error {
  constructor(
    /** `extensions.code` of the first GraphQL error, or a {@link TransportErrorCode}. */
    readonly code: string,
    message: string,
    /** `extensions.reason`, e.g. {@link REASON_REVOKED}. */
    readonly reason?: string,
    /** HTTP status when the hub answered with one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = "HubError";
  }

  /** Whether trying again later can succeed. 5xx and 429 answers count as transient. */
  get retryable(): boolean {
    if (this.code === "HTTP_ERROR")
      return this.status === undefined || this.status >= 500 || this.status === 429;
    return RETRYABLE_CODES.has(this.code);
  }

  /** The hub no longer accepts this agent's credential: retrying cannot help. */
  get unauthenticated(): boolean {
    return this.code === UNAUTHENTICATED;
  }

  get revoked(): boolean {
    return this.unauthenticated && this.reason === REASON_REVOKED;
  }
}
