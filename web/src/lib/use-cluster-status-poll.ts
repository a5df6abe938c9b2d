import { useEffect } from "react";
import { graphqlRequest } from "./graphql.js";

const STATUS_CHANGED = `query ClusterStatusChanged($id: ID!, $since: DateTime!) {
  clusterStatusChanged(id: $id, since: $since) { changed }
}`;

/** Pause after a failed long-poll, so an unreachable hub is not asked in a tight loop. */
const RETRY_MS = 5000;

/**
 * Live status for the cluster page: long-polls `clusterStatusChanged` from the cluster's `updatedAt` and calls
 * `onChange` (which reloads the page's query, bringing a new `since`) as soon as the hub reports a change. The
 * request is aborted when the page goes away, and the hub stops waiting.
 */
export function useClusterStatusPoll(id: string, since: string | undefined, onChange: () => void): void {
  useEffect(() => {
    if (!since) return;
    const controller = new AbortController();
    void (async () => {
      while (!controller.signal.aborted) {
        const answer = await graphqlRequest<{ clusterStatusChanged: { changed: boolean } }>(
          STATUS_CHANGED,
          { id, since },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        if (answer.data?.clusterStatusChanged.changed) return onChange();
        if (answer.errors.length > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    })();
    return () => controller.abort();
  }, [id, since, onChange]);
}
