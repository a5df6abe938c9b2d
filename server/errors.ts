import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * The hub's error codes: a public contract (listed in DEVELOPERS.md). Every error a client sees carries one of
 * these in `extensions.code`; anything unknown becomes INTERNAL_SERVER_ERROR with no details.
 */
export const ERROR_CODES = [
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "STEP_UP_REQUIRED",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "SERVICE_UNAVAILABLE",
  "NO_CAPACITY",
  "SEARCH_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes Apollo Server and graphql-js produce before resolvers run; passed through unchanged. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** A typed, client-safe error. Its message and extensions are shown to the client as they are. */
export class HubError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "HubError";
  }
}

/** One invalid field of an input, named by its path (e.g. `input.slug`). */
export interface FieldProblem {
  field: string;
  message: string;
}

export const badUserInput = (message: string, problems: FieldProblem[] = []): HubError =>
  new HubError("BAD_USER_INPUT", message, {
    field: problems[0]?.field,
    problems,
  });

export const notFound = (what: string): HubError => new HubError("NOT_FOUND", `${what} not found`);

export const conflict = (message: string, extensions: Record<string, unknown> = {}): HubError =>
  new HubError("CONFLICT", message, extensions);

export const forbidden = (message = "You are not allowed to do this"): HubError =>
  new HubError("FORBIDDEN", message);

export const unauthenticated = (reason = "Sign in first"): HubError =>
  new HubError("UNAUTHENTICATED", reason, { reason });

export const stepUpRequired = (stepUpUrl: string): HubError =>
  new HubError("STEP_UP_REQUIRED", "This action needs a recent sign-in with a second factor", { stepUpUrl });

export const rateLimited = (retryAfterSeconds: number): HubError =>
  new HubError("RATE_LIMITED", `Too many requests; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });

/** Placement: no cluster can take the request now; `extensions.explanation` says why, cluster by cluster. */
export const noCapacity = (message: string, extensions: Record<string, unknown> = {}): HubError =>
  new HubError("NO_CAPACITY", message, extensions);

export const serviceUnavailable = (message = "The database is not reachable; try again shortly"): HubError =>
  new HubError("SERVICE_UNAVAILABLE", message);

/** SQLSTATE classes and driver codes that mean "the database is away", not "the request is wrong". */
const CONNECTION_FAILURE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
]);

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
  message?: unknown;
}

function driverErrorOf(error: unknown): DriverError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const candidate = error as { driverError?: unknown };
  const inner = candidate.driverError ?? error;
  return typeof inner === "object" && inner !== null ? (inner as DriverError) : undefined;
}

function isConnectionFailure(error: unknown): boolean {
  const driverError = driverErrorOf(error);
  const code = typeof driverError?.code === "string" ? driverError.code : "";
  if (CONNECTION_FAILURE_CODES.has(code) || code.startsWith("08")) return true;
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/**
 * Codes of domain errors (plain `Error`s with a `code` property, thrown by pure modules that do not depend on
 * GraphQL) and the public code each becomes.
 */
const DOMAIN_ERROR_CODES: Record<string, { code: ErrorCode; field?: string }> = {
  SEARCH_UNAVAILABLE: { code: "SEARCH_UNAVAILABLE" },
  INVALID_CURSOR: { code: "BAD_USER_INPUT", field: "after" },
};

function domainError(error: unknown): HubError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const mapping = typeof code === "string" ? DOMAIN_ERROR_CODES[code] : undefined;
  if (!mapping) return undefined;
  return mapping.field
    ? badUserInput(error.message, [{ field: mapping.field, message: error.message }])
    : new HubError(mapping.code, error.message);
}

/**
 * Maps any thrown value to a client-safe HubError, recognising PostgreSQL errors by SQLSTATE.
 * Returns undefined for errors that must stay internal.
 */
export function toHubError(error: unknown): HubError | undefined {
  if (error instanceof HubError) return error;
  const fromDomain = domainError(error);
  if (fromDomain) return fromDomain;
  if (isConnectionFailure(error)) return serviceUnavailable();
  const driverError = driverErrorOf(error);
  const sqlState = typeof driverError?.code === "string" ? driverError.code : "";
  if (sqlState === "23505") {
    const constraint = typeof driverError?.constraint === "string" ? driverError.constraint : undefined;
    return conflict("This already exists", { constraint });
  }
  if (sqlState === "40001" || sqlState === "40P01") return conflict("A concurrent change won; try again");
  if (sqlState.startsWith("22")) return badUserInput("A value is out of range or malformed");
  return undefined;
}

/**
 * The error a resolver threw, under graphql-js's located-error wrapper. Duck-typed on purpose: in some module
 * setups two copies of graphql-js load (its CJS and ESM builds), and `instanceof GraphQLError` then fails.
 */
function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof HubError) return current;
    const inner =
      typeof current === "object" && current !== null
        ? (current as { originalError?: unknown }).originalError
        : undefined;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** Logs what must stay on the server; injected so this module has no logger dependency. */
export type InternalErrorReporter = (error: unknown) => void;

/**
 * Apollo's single `formatError`: keeps typed codes, translates known database errors and hides everything else
 * behind a generic INTERNAL_SERVER_ERROR. Never returns a stack trace.
 */
export function createFormatError(report: InternalErrorReporter) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    const hubError = toHubError(original);
    if (hubError) {
      // `http` (status, headers) is for Apollo only, which has already applied it: it is no client's business.
      const { http: _http, ...extensions } = hubError.extensions;
      return { message: hubError.message, path: formatted.path, extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && (REQUEST_ERROR_CODES.has(code) || code === "BAD_USER_INPUT")) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    report(original);
    return {
      message: "Internal error: the hub could not complete this request",
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
