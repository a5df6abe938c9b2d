import { useCallback, useEffect, useRef, useState } from "react";
import { ErrorList } from "../components/error-list.js";
import {
  ADVISORY_FIELDS,
  type ForumAdvisoryData,
  ForumAdvisoryPanel,
} from "../components/forum-advisory-panel.js";
import { ForumComposer } from "../components/forum-composer.js";
import {
  DECISION_FIELDS,
  type ForumDecisionData,
  ForumDecisionPanel,
} from "../components/forum-decision-panel.js";
import { ANSWER_FIELDS, type ForumAnswerData, ForumAnswerTools } from "../components/forum-answer-tools.js";
import { ForumPostStream } from "../components/forum-post-stream.js";
import { type ForumPostData, ForumPostView, POST_FIELDS } from "../components/forum-post-view.js";
import {
  type ForumSmallActionData,
  ForumSmallActionNote,
  SMALL_ACTION_FIELDS,
} from "../components/forum-small-action.js";
import { ForumTopicTools } from "../components/forum-topic-tools.js";
import { permalinkTarget, postPath } from "../lib/forum-permalink.js";
import { type GraphqlError, graphqlRequest } from "../lib/graphql.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { usePostUrlTracking } from "../lib/use-post-url-tracking.js";
import { POSTS_PER_PAGE, useTopicStream } from "../lib/use-topic-stream.js";
import { useViewer } from "../lib/viewer.js";

/** The topic's own fields come only with the first page (`$withTopic`); "Load more" asks for posts alone. */
const TOPIC_QUERY = `query Topic($id: ID!, $withTopic: Boolean!, $first: Int, $after: String, $fromNumber: Int) {
  forumTopic(id: $id) { id
  ... on ForumTopic @include(if: $withTopic) {
    title path locked tags highestPostNumber viewerCanReply
    author { id } category { slug name allowsAcceptedAnswers }
    slowModeSeconds mergedInto { title path } releaseStamp { id name manual { slug } }
    ${DECISION_FIELDS} ${ADVISORY_FIELDS} }
  posts(first: $first, after: $after, fromNumber: $fromNumber) {
    edges { node { ${POST_FIELDS} ${SMALL_ACTION_FIELDS} ${ANSWER_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;

/** Only the post being quoted is fetched with its Markdown, not every post of the page. */
const QUOTE_QUERY = `query Quote($id: ID!, $number: Int!) { forumTopic(id: $id) { post(number: $number) {
  number markdown author { handle } } } }`;

const MARK_READ = `mutation Read($input: MarkForumTopicReadInput!) { markForumTopicRead(input: $input) { topic { id } } }`;

interface TopicData {
  id: string;
  title: string;
  path: string;
  locked: boolean;
  tags: string[];
  highestPostNumber: number;
  viewerCanReply: boolean;
  author: { id: string } | null;
  category: { slug: string; name: string; allowsAcceptedAnswers: boolean };
  slowModeSeconds: number;
  mergedInto: { title: string; path: string } | null;
  releaseStamp: { id: string; name: string; manual: { slug: string } } | null;
  decision: ForumDecisionData | null;
  advisory: ForumAdvisoryData | null;
}

type PostNode = ForumPostData & ForumAnswerData & { smallAction: ForumSmallActionData | null };

interface QuotedPost {
  forumTopic: {
    post: { number: number; markdown: string | null; author: { handle: string } | null } | null;
  } | null;
}

/** Quotes a post in the forum's Markdown quote syntax, attributed to its author and number. */
function quoteOf(post: {
  number: number;
  markdown: string | null;
  author: { handle: string } | null;
}): string {
  const lines = (post.markdown ?? "").split("\n").map((line) => `> ${line}`);
  return [`> [!quote @${post.author?.handle ?? "someone"} post:${post.number}]`, ...lines].join("\n");
}

/**
 * A topic with its posts, 50 at a time from its start or from a permalinked post (`/forum/t/<slug>/<id>/<number>`,
 * scrolled to and marked), its actions and the reply composer; marks the loaded posts read.
 */
export function ForumTopicPage({ id, postNumber }: { id: string; postNumber?: string }) {
  const { person } = useViewer();
  const [startAt] = useState(() => permalinkTarget(postNumber, window.location.hash));
  const stream = useTopicStream<TopicData, PostNode>(TOPIC_QUERY, id, startAt);
  const { topic, posts, errors, loading } = stream;
  const [quote, setQuote] = useState("");
  const [quoteErrors, setQuoteErrors] = useState<GraphqlError[]>([]);
  const [target, setTarget] = useState(startAt);
  const scrollPending = useRef(startAt !== null);
  const skipTrackingUntil = useRef(0);
  usePageTitle(topic?.title ?? "Forum");
  usePostUrlTracking(
    topic?.path ?? null,
    useCallback(() => performance.now() < skipTrackingUntil.current, []),
  );

  const lastLoaded = posts.at(-1)?.number ?? 0;
  useEffect(() => {
    if (person && lastLoaded > 0)
      void graphqlRequest(MARK_READ, { input: { topicId: id, postNumber: lastLoaded } });
  }, [person, id, lastLoaded]);

  /** Shows post `number`: marks it, scrolls to it, loading the topic from there when it is not loaded. */
  const goTo = useCallback(
    (number: number, loaded: boolean) => {
      setTarget(number);
      scrollPending.current = true;
      if (!loaded) void stream.openAt(number);
    },
    [stream.openAt],
  );

  // A navigation to another post of this topic (back, forward, a link) keeps the page and goes to that post.
  const requested = permalinkTarget(postNumber, "");
  const lastRequested = useRef(requested);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the requested number only
  useEffect(() => {
    if (requested === lastRequested.current) return;
    lastRequested.current = requested;
    if (requested !== null)
      goTo(
        requested,
        posts.some((post) => post.number === requested),
      );
  }, [requested]);

  // A permalink past the last post opens the end of the topic instead of an empty page.
  useEffect(() => {
    if (!loading && topic && posts.length === 0 && topic.highestPostNumber > 0) {
      goTo(topic.highestPostNumber, false);
      void stream.openAt(Math.max(1, topic.highestPostNumber - POSTS_PER_PAGE + 1));
    }
  }, [loading, topic, posts.length, goTo, stream.openAt]);

  // Once the target post is on the page: scroll to it, focus it, and show its permalink in the address bar.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `posts` is read through the DOM once they render
  useEffect(() => {
    if (!scrollPending.current || target === null || loading || !topic) return;
    const element = document.getElementById(`post-${target}`);
    if (!element) return;
    scrollPending.current = false;
    skipTrackingUntil.current = performance.now() + 600;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
    const path = postPath(topic.path, target);
    if (window.location.pathname !== path || window.location.hash)
      window.history.replaceState(window.history.state, "", path);
  }, [target, posts, loading, topic]);

  const quotePost = async (post: ForumPostData) => {
    const response = await graphqlRequest<QuotedPost>(QUOTE_QUERY, { id, number: post.number });
    setQuoteErrors(response.errors);
    const quoted = response.data?.forumTopic?.post;
    if (quoted) setQuote(quoteOf(quoted));
  };

  const posted = (number: number) => {
    if (stream.hasMore) goTo(number, false);
    else {
      setTarget(number);
      scrollPending.current = true;
      void stream.refresh();
    }
  };

  if (loading && !topic) return <div className="page">Loading…</div>;
  if (!topic) {
    return (
      <div className="page">
        <ErrorList errors={errors} />
        <h1>Topic not found</h1>
        <p>It does not exist or you may not read it.</p>
      </div>
    );
  }
  const isModerator =
    person?.hubRoles.some((role) => ["moderator", "steward"].includes(role.toLowerCase())) ?? false;
  const canAccept = topic.category.allowsAcceptedAnswers && (isModerator || topic.author?.id === person?.id);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/forum">Forum</Link> ›{" "}
        <Link to={`/forum?c=${topic.category.slug}`}>{topic.category.name}</Link>
      </p>
      <h1>{topic.title}</h1>
      {topic.mergedInto ? (
        <p className="notice notice-info">
          This topic was merged into <a href={topic.mergedInto.path}>{topic.mergedInto.title}</a>.
        </p>
      ) : topic.locked ? (
        <p className="notice notice-info">This topic is locked.</p>
      ) : null}
      {topic.slowModeSeconds > 0 ? (
        <p className="notice notice-info">
          Slow mode: one post every {topic.slowModeSeconds} seconds per person.
        </p>
      ) : null}
      {topic.releaseStamp ? (
        <p className="card-meta">
          Applies to {topic.releaseStamp.manual.slug} {topic.releaseStamp.name}
        </p>
      ) : null}
      {isModerator || (person && topic.author?.id === person.id) ? (
        <ForumTopicTools
          topicId={topic.id}
          slowModeSeconds={topic.slowModeSeconds}
          releaseStampId={topic.releaseStamp?.id ?? null}
          posts={posts}
          isModerator={isModerator}
          onChange={stream.refresh}
        />
      ) : null}
      <ErrorList errors={[...errors, ...quoteErrors]} />
      <ForumPostStream
        posts={posts}
        paging={stream}
        renderPost={(node) =>
          node.smallAction ? (
            <ForumSmallActionNote
              key={node.id}
              number={node.number}
              author={node.author?.handle ?? "someone"}
              createdAt={node.createdAt}
              action={node.smallAction}
            />
          ) : (
            <div key={node.id}>
              <ForumPostView
                post={node}
                signedIn={person !== null}
                canAccept={canAccept}
                isModerator={isModerator}
                permalink={postPath(topic.path, node.number)}
                highlighted={node.number === target}
                onSelect={(number) => {
                  // The chosen post wins over a scroll still being tracked (the click may follow one).
                  skipTrackingUntil.current = performance.now() + 600;
                  setTarget(number);
                  window.history.replaceState(window.history.state, "", postPath(topic.path, number));
                }}
                onQuote={quotePost}
                onChange={stream.refresh}
              />
              {node.isAcceptedAnswer ? (
                <ForumAnswerTools
                  answer={node}
                  stamp={topic.releaseStamp}
                  signedIn={person !== null}
                  onChange={stream.refresh}
                />
              ) : null}
            </div>
          )
        }
      />
      {topic.decision ? (
        <ForumDecisionPanel topicId={topic.id} decision={topic.decision} onChange={stream.refresh} />
      ) : null}
      {topic.advisory ? (
        <ForumAdvisoryPanel topicId={topic.id} advisory={topic.advisory} onChange={stream.refresh} />
      ) : null}
      {topic.viewerCanReply ? <ForumComposer topicId={topic.id} quote={quote} onPosted={posted} /> : null}
    </div>
  );
}
