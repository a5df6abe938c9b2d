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
import { type ForumPostData, ForumPostView, POST_FIELDS } from "../components/forum-post-view.js";
import {
  type ForumSmallActionData,
  ForumSmallActionNote,
  SMALL_ACTION_FIELDS,
} from "../components/forum-small-action.js";
import { ForumTopicTools } from "../components/forum-topic-tools.js";
import { graphqlRequest } from "../lib/graphql.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const TOPIC_QUERY = `query Topic($id: ID!) { forumTopic(id: $id) {
  id title locked tags highestPostNumber viewerCanReply
  author { id } category { slug name allowsAcceptedAnswers }
  slowModeSeconds mergedInto { title path } releaseStamp { id name manual { slug } }
  posts(first: 100) { edges { node { ${POST_FIELDS} ${SMALL_ACTION_FIELDS} ${ANSWER_FIELDS} } } pageInfo { hasNextPage } }
  ${DECISION_FIELDS} ${ADVISORY_FIELDS} } }`;

const MARK_READ = `mutation Read($input: MarkForumTopicReadInput!) { markForumTopicRead(input: $input) { topic { id } } }`;

interface TopicData {
  forumTopic: {
    id: string;
    title: string;
    locked: boolean;
    tags: string[];
    highestPostNumber: number;
    viewerCanReply: boolean;
    author: { id: string } | null;
    category: { slug: string; name: string; allowsAcceptedAnswers: boolean };
    slowModeSeconds: number;
    mergedInto: { title: string; path: string } | null;
    releaseStamp: { id: string; name: string; manual: { slug: string } } | null;
    posts: {
      edges: Array<{ node: ForumPostData & ForumAnswerData & { smallAction: ForumSmallActionData | null } }>;
      pageInfo: { hasNextPage: boolean };
    };
    decision: ForumDecisionData | null;
    advisory: ForumAdvisoryData | null;
  } | null;
}

/** Quotes a post in the forum's Markdown quote syntax, attributed to its author and number. */
function quoteOf(post: ForumPostData): string {
  const lines = (post.markdown ?? "").split("\n").map((line) => `> ${line}`);
  return [`> [!quote @${post.author?.handle ?? "someone"} post:${post.number}]`, ...lines].join("\n");
}

/** A topic with its posts, actions and the reply composer; marks the topic read. */
export function ForumTopicPage({ id }: { id: string }) {
  const { person } = useViewer();
  const { data, errors, loading, reload } = useQuery<TopicData>(TOPIC_QUERY, { id });
  const [quote, setQuote] = useState("");
  const topic = data?.forumTopic;
  usePageTitle(topic?.title ?? "Forum");
  const highest = topic?.highestPostNumber ?? 0;
  useEffect(() => {
    if (person && highest > 0)
      void graphqlRequest(MARK_READ, { input: { topicId: id, postNumber: highest } });
  }, [person, id, highest]);

  if (loading && !data) return <div className="page">Loading…</div>;
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
          posts={topic.posts.edges.map(({ node }) => node)}
          isModerator={isModerator}
          onChange={reload}
        />
      ) : null}
      <ErrorList errors={errors} />
      <div className="stack">
        {topic.posts.edges.map(({ node }) =>
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
                onQuote={(post) => setQuote(quoteOf(post))}
                onChange={reload}
              />
              {node.isAcceptedAnswer ? (
                <ForumAnswerTools
                  answer={node}
                  stamp={topic.releaseStamp}
                  signedIn={person !== null}
                  onChange={reload}
                />
              ) : null}
            </div>
          ),
        )}
      </div>
      {topic.decision ? (
        <ForumDecisionPanel topicId={topic.id} decision={topic.decision} onChange={reload} />
      ) : null}
      {topic.advisory ? (
        <ForumAdvisoryPanel topicId={topic.id} advisory={topic.advisory} onChange={reload} />
      ) : null}
      {topic.viewerCanReply ? <ForumComposer topicId={topic.id} quote={quote} onPosted={reload} /> : null}
    </div>
  );
}
