import { useCallback, useEffect, useState } from "react";
import { type GraphqlError, graphqlRequest } from "./graphql.js";

/** State of a query: data once loaded (null until then or on failure), its errors, and a way to load again. */
export interface QueryState<Data> {
  data: Data | null;
  errors: GraphqlError[];
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a query when the component mounts and whenever its variables change. Answers to outdated variables are
 * dropped, so a fast typist never sees results of an earlier search.
 */
export function useQuery<Data>(query: string, variables: Record<string, unknown> = {}): QueryState<Data> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: Data | null; errors: GraphqlError[]; loading: boolean }>({
    data: null,
    errors: [],
    loading: true,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    // `generation` is read so that reload() runs the effect again.
    void generation;
    graphqlRequest<Data>(query, JSON.parse(key) as Record<string, unknown>).then((response) => {
      if (current) setState({ data: response.data, errors: response.errors, loading: false });
    });
    return () => {
      current = false;
    };
  }, [query, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
