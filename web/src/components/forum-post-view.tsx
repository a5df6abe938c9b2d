import "./forum.css";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

/** A post as the topic page shows it. */
export interface ForumPostData {
  id: string;
  number: number;
  html: string | null;
  markdown: string | null;
  hidden: boolean;
  likeCount: number;
  viewerHasLiked: boolean;
  isAcceptedAnswer: boolean;
  createdAt: string;
  editedAt: string | null;
  author: { handle: string; name: string } | null;
}

export const POST_FIELDS = `id number html markdown hidden likeCount viewerHasLiked isAcceptedAnswer createdAt editedAt
  author { handle name }`;

const LIKE = `mutation Like($input: ForumPostInput!) { likeForumPost(input: $input) { post { id } } }`;
const UNLIKE = `mutation Unlike($input: ForumPostInput!) { unlikeForumPost(input: $input) { post { id } } }`;
const ACCEPT = `mutation Accept($input: AcceptForumAnswerInput!) { acceptForumAnswer(input: $input) { topic { id } } }`;
const FLAG = `mutation Flag($input: FlagForumPostInput!) { flagForumPost(input: $input) { flag { id } } }`;
const HIDE = `mutation Hide($input: SetForumPostHiddenInput!) { setForumPostHidden(input: $input) { post { id } } }`;

interface PostViewProps {
  post: ForumPostData;
  signedIn: boolean;
  canAccept: boolean;
  isModerator: boolean;
  onQuote: (post: ForumPostData) => void;
  onChange: () => void;
}

/** One post with its actions: like, quote, accept as answer, flag, and hide for moderators. */
export function ForumPostView({ post, signedIn, canAccept, isModerator, onQuote, onChange }: PostViewProps) {
  const like = useMutation(post.viewerHasLiked ? UNLIKE : LIKE);
  const accept = useMutation(ACCEPT);
  const flag = useMutation(FLAG);
  const hide = useMutation(HIDE);
  const act = async (mutation: typeof like, input: Record<string, unknown>) => {
    const response = await mutation.run({ input });
    if (response.errors.length === 0) onChange();
  };
  const author = post.author?.handle ?? "someone";
  return (
    <article
      id={`post-${post.number}`}
      className={post.isAcceptedAnswer ? "forum-post accepted" : "forum-post"}
      aria-label={`Post ${post.number} by @${author}`}
    >
      <header className="card-meta">
        <strong>@{author}</strong> · <a href={`#post-${post.number}`}>#{post.number}</a> ·{" "}
        <time dateTime={post.createdAt}>{new Date(post.createdAt).toLocaleString()}</time>
        {post.editedAt ? " · edited" : null}
        {post.isAcceptedAnswer ? <span className="badge badge-success">Accepted answer</span> : null}
        {post.hidden ? <span className="badge badge-warning">Hidden</span> : null}
      </header>
      {post.html === null ? (
        <p className="muted">This post was hidden by a moderator.</p>
      ) : (
        // Rendered and sanitised on the server at write time (allowlist); served as stored.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side by server/markdown
        <div className="forum-post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      )}
      <div className="actions">
        <span>{post.likeCount} likes</span>
        {signedIn ? (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => act(like, { postId: post.id })}
            >
              {post.viewerHasLiked ? "Unlike" : "Like"}
            </button>
            {post.markdown !== null ? (
              <button type="button" className="button button-small" onClick={() => onQuote(post)}>
                Quote #{post.number}
              </button>
            ) : null}
            {canAccept && post.number > 1 && !post.isAcceptedAnswer ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => act(accept, { postId: post.id })}
              >
                Accept #{post.number} as the answer
              </button>
            ) : null}
            <button
              type="button"
              className="button button-small"
              onClick={() => act(flag, { postId: post.id, reason: "INAPPROPRIATE" })}
            >
              Flag #{post.number}
            </button>
            {isModerator ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => act(hide, { postId: post.id, hidden: !post.hidden })}
              >
                {post.hidden ? `Show #${post.number}` : `Hide #${post.number}`}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <ErrorList errors={[...like.errors, ...accept.errors, ...flag.errors, ...hide.errors]} />
    </article>
  );
}
