/**
 * Previous/next buttons over a Relay connection. `cursors` holds the end cursors of the pages already passed, so
 * "Previous" goes back without backward pagination; nothing is shown when there is only one page.
 */
export function CursorPagination({
  cursors,
  onChange,
  pageInfo,
}: {
  cursors: string[];
  onChange: (cursors: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
}) {
  if (cursors.length === 0 && !pageInfo?.hasNextPage) return null;
  const next = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  return (
    <nav className="pagination" aria-label="Pages">
      <button
        type="button"
        className="button button-secondary"
        disabled={cursors.length === 0}
        onClick={() => onChange(cursors.slice(0, -1))}
      >
        Previous page
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={!next}
        onClick={() => next && onChange([...cursors, next])}
      >
        Next page
      </button>
    </nav>
  );
}
