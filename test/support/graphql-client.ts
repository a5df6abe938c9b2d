import { expect } from "vitest";

export interface GraphqlResult<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface Credentials {
  /** A personal API token secret. */
  token?: string;
  /** A session cookie header (from `signIn`). */
  cookie?: string;
}

/** Sends one GraphQL operation over HTTP, exactly as a client would. */
export async function graphql<Data = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = {},
): Promise<GraphqlResult<Data>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
      ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResult<Data>, "status">;
  return { status: response.status, ...body };
}

/**
 * Asserts that an operation failed with `code`, and that no error of the response is an internal one or leaks a
 * stack trace.
 */
export function expectErrorCode(result: GraphqlResult, code: string): void {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  expect(codes, JSON.stringify(result.errors)).toContain(code);
  expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
  expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|\s+at \S+ \(/);
}

/** Asserts success and returns the data. */
export function expectData<Data>(result: GraphqlResult<Data>): Data {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data as Data;
}

/** The input fields a BAD_USER_INPUT error names, in order. */
export function problemFields(result: GraphqlResult): string[] {
  const problems = result.errors?.[0]?.extensions?.problems;
  return Array.isArray(problems) ? problems.map((problem: { field: string }) => problem.field) : [];
}
