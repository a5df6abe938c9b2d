import { useEffect, useState } from "react";
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
import { usePostTarget } from "../lib/use-post-target.js";
import { useTopicStream } from "../lib/use-topic-stream.js";
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
  const { target, select, goTo } = usePostTarget(stream, startAt, postNumber);
  usePageTitle(topic?.title ?? "Forum");

  const lastLoaded = posts.at(-1)?.number ?? 0;
  useEffect(() => {
    if (person && lastLoaded > 0)
      void graphqlRequest(MARK_READ, { input: { topicId: id, postNumber: lastLoaded } });
  }, [person, id, lastLoaded]);

  const quotePost = async (post: ForumPostData) => {
    const response = await graphqlRequest<QuotedPost>(QUOTE_QUERY, { id, number: post.number });
    setQuoteErrors(response.errors);
    const quoted = response.data?.forumTopic?.post;
    if (quoted) setQuote(quoteOf(quoted));
  };

  // One's new reply is shown and marked: loaded from there if the page does not reach the end yet.
  const posted = (number: number) => {
    goTo(number, !stream.hasMore);
    if (!stream.hasMore) void stream.refresh();
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
                onSelect={select}
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
