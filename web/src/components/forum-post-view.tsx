import "./forum.css";
import { type MouseEvent, useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

/** A post as the topic page shows it (without its Markdown: "Quote" fetches that for the one post). */
export interface ForumPostData {
  id: string;
  number: number;
  html: string | null;
  hidden: boolean;
  likeCount: number;
  viewerHasLiked: boolean;
  isAcceptedAnswer: boolean;
  createdAt: string;
  editedAt: string | null;
  author: { handle: string; name: string } | null;
}

export const POST_FIELDS = `id number html hidden likeCount viewerHasLiked isAcceptedAnswer createdAt editedAt
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
  /** The post's permalink path (`/forum/t/<slug>/<id>/<number>`). */
  permalink: string;
  /** True for the post a permalink opened or that was chosen: it is marked until another one is. */
  highlighted: boolean;
  /** The post's number link was followed: show this post's permalink in the address bar and mark it. */
  onSelect: (number: number) => void;
  onQuote: (post: ForumPostData) => void;
  onChange: () => void;
}

/** Copies the post's full URL; where the clipboard is refused, shows the URL to copy by hand. */
async function copyLink(url: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(url);
    return "Link copied.";
  } catch {
    return `Copy this link: ${url}`;
  }
}

/** One post with its actions: permalink, copy link, like, quote, accept as answer, flag, and hide for moderators. */
export function ForumPostView(props: PostViewProps) {
  const { post, signedIn, canAccept, isModerator, onQuote, onChange } = props;
  const [copied, setCopied] = useState("");
  const like = useMutation(post.viewerHasLiked ? UNLIKE : LIKE);
  const accept = useMutation(ACCEPT);
  const flag = useMutation(FLAG);
  const hide = useMutation(HIDE);
  const act = async (mutation: typeof like, input: Record<string, unknown>) => {
    const response = await mutation.run({ input });
    if (response.errors.length === 0) onChange();
  };
  const author = post.author?.handle ?? "someone";
  // A plain click keeps the page (no reload, no jump to the top) and only puts the permalink in the address bar.
  const select = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    props.onSelect(post.number);
  };
  const classes = [
    "forum-post",
    post.isAcceptedAnswer ? "accepted" : "",
    props.highlighted ? "highlighted" : "",
  ];
  return (
    <article
      id={`post-${post.number}`}
      data-post-number={post.number}
      className={classes.filter(Boolean).join(" ")}
      aria-label={`Post ${post.number} by @${author}`}
      aria-current={props.highlighted ? "location" : undefined}
      tabIndex={props.highlighted ? -1 : undefined}
    >
      <header className="card-meta">
        <strong>@{author}</strong> ·{" "}
        <a href={props.permalink} onClick={select} aria-label={`Permalink to post ${post.number}`}>
          #{post.number}
        </a>{" "}
        · <time dateTime={post.createdAt}>{new Date(post.createdAt).toLocaleString()}</time>
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
        <button
          type="button"
          className="button button-small button-ghost"
          onClick={async () =>
            setCopied(await copyLink(new URL(props.permalink, window.location.origin).href))
          }
        >
          Copy link to #{post.number}
        </button>
        {signedIn ? (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => act(like, { postId: post.id })}
            >
              {post.viewerHasLiked ? "Unlike" : "Like"}
            </button>
            {post.html !== null ? (
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
      <p className="forum-post-copied" role="status">
        {copied}
      </p>
      <ErrorList errors={[...like.errors, ...accept.errors, ...flag.errors, ...hide.errors]} />
    </article>
  );
}
