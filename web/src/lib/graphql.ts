/** One invalid field of a mutation input, as the hub reports it in `extensions.problems`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A GraphQL error as the hub formats it. */
export interface GraphqlError {
  message: string;
  extensions?: {
    code?: string;
    problems?: FieldProblem[];
    field?: string;
    stepUpUrl?: string;
  };
}

/** A response: data (possibly partial or null) and the errors, never undefined. */
export interface GraphqlResponse<Data> {
  data: Data | null;
  errors: GraphqlError[];
}

const UNREACHABLE: GraphqlError = {
  message: "The hub could not be reached. Check your connection and try again.",
  extensions: { code: "NETWORK" },
};

/**
 * Sends one operation to the hub's `/graphql` with the session cookie. Never throws: network failures and
 * non-JSON answers become an error in the list, so every screen can show a message instead of crashing.
 */
export async function graphqlRequest<Data>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<GraphqlResponse<Data>> {
  try {
    const response = await fetch("/graphql", {
      method: "POST",
      signal,
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data | null; errors?: GraphqlError[] };
    return { data: body.data ?? null, errors: body.errors ?? [] };
  } catch {
    return { data: null, errors: [UNREACHABLE] };
  }
}

/** The error with a given code, if the response has one. */
export function errorWithCode(errors: readonly GraphqlError[], code: string): GraphqlError | undefined {
  return errors.find((error) => error.extensions?.code === code);
}

/**
 * Field messages keyed by input field name (`input.slug` becomes `slug`), from `problems` or, for errors such as
 * a taken slug, from a single `extensions.field`.
 */
export function fieldProblems(errors: readonly GraphqlError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = error.extensions?.field;
    const problems = error.extensions?.problems ?? [];
    const listed = problems.length === 0 && field ? [{ field, message: error.message }] : problems;
    for (const problem of listed) {
      const name = problem.field.replace(/^input\./, "");
      byField[name] ??= problem.message;
    }
  }
  return byField;
}
