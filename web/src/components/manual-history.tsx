import { useState } from "react";
import { formatDateTime } from "../lib/format.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";
import { ErrorList } from "./error-list.js";
import { ManualHtml } from "./manual-html.js";

interface Revision {
  number: number;
  message: string;
  source: string;
  createdAt: string;
  author: { handle: string } | null;
}

interface HistoryData {
  manual: {
    release: {
      page: {
        id: string;
        revisions: { totalCount: number; edges: Array<{ node: Revision }> };
        diff: { html: string; added: number; removed: number } | null;
      } | null;
    } | null;
  } | null;
}

const HISTORY = `query History($manual: String!, $release: String!, $path: String!, $from: Int!, $to: Int!, $withDiff: Boolean!) {
  manual(slug: $manual) { release(name: $release) { page(path: $path) { id
    revisions(first: 100) { totalCount edges { node { number message source createdAt author { handle } } } }
    diff(from: $from, to: $to) @include(if: $withDiff) { html added removed } } } } }`;

const RESTORE = `mutation Restore($input: RestoreManualPageRevisionInput!) {
  restoreManualPageRevision(input: $input) { revision { number } } }`;

/** Revision history of a page: who changed what, a diff between any two revisions, restore for maintainers. */
export function ManualHistory({
  manualSlug,
  releaseName,
  path,
  canMaintain,
}: {
  manualSlug: string;
  releaseName: string;
  path: string;
  canMaintain: boolean;
}) {
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const { data, errors, reload } = useQuery<HistoryData>(HISTORY, {
    manual: manualSlug,
    release: releaseName,
    path,
    from: range?.from ?? 1,
    to: range?.to ?? 1,
    withDiff: range !== null,
  });
  const restore = useMutation<unknown>(RESTORE);
  const page = data?.manual?.release?.page;
  const revisions = page?.revisions.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="manual-history">
      <h2>Revision history</h2>
      <ErrorList errors={[...errors, ...restore.errors]} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Message</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision, index) => {
            const previous = revisions[index + 1];
            return (
              <tr key={revision.number}>
                <td>{revision.number}</td>
                <td>{formatDateTime(revision.createdAt)}</td>
                <td>{revision.author ? `@${revision.author.handle}` : "content/"}</td>
                <td>{revision.message}</td>
                <td>
                  {previous ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setRange({ from: previous.number, to: revision.number })}
                    >
                      Compare {previous.number} → {revision.number}
                    </button>
                  ) : null}{" "}
                  {canMaintain && index > 0 && page ? (
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      onClick={async () => {
                        const response = await restore.run({
                          input: { pageId: page.id, number: revision.number },
                        });
                        if (response.errors.length === 0) reload();
                      }}
                    >
                      Restore {revision.number}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {range && page?.diff ? (
        <section aria-label={`Changes from revision ${range.from} to ${range.to}`}>
          <h3>
            Changes from revision {range.from} to {range.to} (+{page.diff.added} −{page.diff.removed})
          </h3>
          <ManualHtml html={page.diff.html} className="manual-diff" />
        </section>
      ) : null}
    </section>
  );
}
