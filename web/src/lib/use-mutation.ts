import { useCallback, useState } from "react";
import { type GraphqlError, type GraphqlResponse, graphqlRequest } from "./graphql.js";

/** A mutation runner with its pending flag and the errors of its last run. */
export interface MutationState<Data> {
  run: (variables: Record<string, unknown>) => Promise<GraphqlResponse<Data>>;
  pending: boolean;
  errors: GraphqlError[];
  clearErrors: () => void;
}

/** Wraps one mutation for a form or button: tracks whether it runs and keeps the last errors to show. */
export function useMutation<Data>(mutation: string): MutationState<Data> {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<GraphqlError[]>([]);
  const run = useCallback(
    async (variables: Record<string, unknown>) => {
      setPending(true);
      setErrors([]);
      const response = await graphqlRequest<Data>(mutation, variables);
      setPending(false);
      setErrors(response.errors);
      return response;
    },
    [mutation],
  );
  const clearErrors = useCallback(() => setErrors([]), []);
  return { run, pending, errors, clearErrors };
}
