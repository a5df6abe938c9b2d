import { ErrorList } from "../components/error-list.js";
import "../components/manual.css";
import { formatDate } from "../lib/format.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";

interface ProposalEntry {
  id: string;
  title: string;
  status: string;
  conflict: boolean;
  createdAt: string;
  author: { handle: string } | null;
  release: { name: string };
  page: { path: string } | null;
  slug: string | null;
}

interface Data {
  manual: {
    title: string;
    proposals: { totalCount: number; edges: Array<{ node: ProposalEntry }> };
  } | null;
}

const PROPOSALS = `query Proposals($manual: String!) { manual(slug: $manual) { title
  proposals(first: 100) { totalCount edges { node { id title status conflict createdAt author { handle }
    release { name } page { path } slug } } } } }`;

/** Change proposals of a manual, newest first, with their status and conflicts. */
export function ManualProposalsPage({ manualSlug }: { manualSlug: string }) {
  const { data, errors, loading } = useQuery<Data>(PROPOSALS, { manual: manualSlug });
  usePageTitle(data?.manual ? `Change proposals – ${data.manual.title}` : "Change proposals");
  if (loading && !data) return <p className="page">Loading…</p>;
  return (
    <section className="page">
      <p>
        <Link to={`/manuals/${manualSlug}`}>← {data?.manual?.title ?? "Manual"}</Link>
      </p>
      <h1>Change proposals</h1>
      <ErrorList errors={errors} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Proposal</th>
            <th scope="col">Page</th>
            <th scope="col">By</th>
            <th scope="col">Opened</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {data?.manual?.proposals.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>
                <Link to={`/manuals/${manualSlug}/proposals/${node.id}`}>{node.title}</Link>
              </td>
              <td>
                {node.release.name}/{node.page?.path ?? `${node.slug} (new)`}
              </td>
              <td>@{node.author?.handle}</td>
              <td>{formatDate(node.createdAt)}</td>
              <td>
                {node.status}
                {node.conflict ? " · conflict" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
