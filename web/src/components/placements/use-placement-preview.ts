import { useEffect, useState } from "react";
import { type GraphqlError, graphqlRequest } from "../../lib/graphql.js";
import { EXPLANATION_FIELDS, type Decision, type ResourceAmount } from "./placement-types.js";

const PREVIEW = `query PreviewPlacement($request: PlacementRequestInput!) {
  previewPlacement(request: $request) {
    ok
    assignments { cluster { id name } replicas reservation { resource amount } }
    problems { field message }
    decision { ${EXPLANATION_FIELDS} }
  }
}`;

/** What `previewPlacement` answered for the form as it is now. */
export interface PlacementPreview {
  ok: boolean;
  assignments: Array<{
    cluster: { id: string; name: string };
    replicas: number;
    reservation: ResourceAmount[];
  }>;
  problems: Array<{ field: string; message: string }>;
  decision: Decision;
}

/** The preview of the latest request, refreshed `delayMs` after the person stops typing. */
export interface PreviewState {
  preview: PlacementPreview | null;
  errors: GraphqlError[];
  loading: boolean;
}

/**
 * Asks the hub where the request would go, debounced; an answer to an older request is dropped (and its fetch
 * aborted), so the panel always matches what is in the form. `request` null means "not complete enough yet".
 */
export function usePlacementPreview(request: Record<string, unknown> | null, delayMs = 400): PreviewState {
  const key = request ? JSON.stringify(request) : null;
  const [state, setState] = useState<PreviewState>({ preview: null, errors: [], loading: false });
  useEffect(() => {
    if (key === null) {
      setState({ preview: null, errors: [], loading: false });
      return;
    }
    const abort = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      void graphqlRequest<{ previewPlacement: PlacementPreview }>(
        PREVIEW,
        { request: JSON.parse(key) },
        abort.signal,
      ).then((response) => {
        if (abort.signal.aborted) return;
        setState({
          preview: response.data?.previewPlacement ?? null,
          errors: response.errors,
          loading: false,
        });
      });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key, delayMs]);
  return state;
}
