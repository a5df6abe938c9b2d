import { ErrorList } from "../components/error-list.js";
import { ForumPenaltyPanel } from "../components/forum-penalty-panel.js";
import { usePageTitle } from "../lib/page-title.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";

const QUEUE = `query ReviewQueue { forumReviewQueue(first: 50) { edges { node {
  id reason message createdAt flagger { handle } post { number html author { handle } topic { title path } } } } } }`;
const RESOLVE = `mutation Resolve($input: ResolveForumFlagInput!) { resolveForumFlag(input: $input) { flag { id } } }`;

interface QueueData {
  forumReviewQueue: {
    edges: Array<{
      node: {
        id: string;
        reason: string;
        message: string;
        flagger: { handle: string } | null;
        post: {
          number: number;
          html: string | null;
          author: { handle: string } | null;
          topic: { title: string; path: string };
        } | null;
      };
    }>;
  };
}

/** Moderators' review queue: flagged posts, oldest first; agreeing hides the post. */
export function ForumReviewPage() {
  usePageTitle("Review queue");
  const { data, errors, reload } = useQuery<QueueData>(QUEUE);
  const resolve = useMutation(RESOLVE);
  const decide = async (flagId: string, status: string) => {
    const response = await resolve.run({ input: { flagId, status } });
    if (response.errors.length === 0) reload();
  };
  return (
    <div className="page">
      <h1>Review queue</h1>
      <ErrorList errors={[...errors, ...resolve.errors]} />
      {data?.forumReviewQueue.edges.length === 0 ? <p className="empty">No flags waiting.</p> : null}
      {data?.forumReviewQueue.edges.map(({ node }) => (
        <article key={node.id} className="panel stack" aria-label={`Flag on post ${node.post?.number ?? ""}`}>
          <p className="card-meta">
            @{node.flagger?.handle} flagged post #{node.post?.number} by @{node.post?.author?.handle} in{" "}
            <a href={node.post?.topic.path}>{node.post?.topic.title}</a> as{" "}
            {node.reason.toLowerCase().replace("_", " ")}
          </p>
          {node.message ? <blockquote>{node.message}</blockquote> : null}
          {node.post?.html ? (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side by server/markdown
            <div className="forum-post-body" dangerouslySetInnerHTML={{ __html: node.post.html }} />
          ) : null}
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => decide(node.id, "AGREED")}>
              Agree and hide
            </button>
            <button type="button" className="button" onClick={() => decide(node.id, "DISAGREED")}>
              Disagree
            </button>
          </div>
        </article>
      ))}
      <ForumPenaltyPanel />
    </div>
  );
}
