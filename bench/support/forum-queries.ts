/**
 * The operations the web app sends for the forum, copied from `web/src/pages/forum-page.tsx`,
 * `web/src/pages/forum-topic-page.tsx` and the field lists of their components (`POST_FIELDS`,
 * `TOPIC_SUMMARY_FIELDS`, `DECISION_FIELDS`, `ADVISORY_FIELDS`): the web files are React modules the benchmark
 * does not import. Only the `posts` arguments differ: the web page asks for `posts(first: 100)` and has no paging
 * yet; the benchmark passes the page size, the `after` cursor and the `fromNumber` permalink start as variables.
 */
const TOPIC_SUMMARY_FIELDS = `id title path pinned locked replyCount likeCount lastPostedAt tags
  category { slug name } author { handle } viewerUnreadCount acceptedAnswer { number }`;
const POST_FIELDS = `id number html markdown hidden likeCount viewerHasLiked isAcceptedAnswer createdAt editedAt
  author { handle name }`;
const DECISION_FIELDS = `decision { options quorum closesAt closed votesCast quorumReached outcome
  results { option votes } viewerVotableCooperatives { id name } }`;
const ADVISORY_FIELDS = `advisory { acknowledgedCount acknowledgements { cooperative { name } acknowledgedAt }
  pendingCooperatives { id name } viewerPendingCooperatives { id name } }`;

/** The forum page (`/forum`, `/forum?c=<slug>`): the categories and 50 topics. */
export const FORUM_QUERY = `query Forum($order: ForumTopicOrder, $filter: ForumTopicFilter) {
  forumCategories { id slug name description kind topicCount viewerCanPost }
  forumTopics(first: 50, order: $order, filter: $filter) { edges { node { ${TOPIC_SUMMARY_FIELDS} } } }
}`;

/** The topic page (`/forum/t/<slug>/<id>`), its page of posts chosen by variables. */
export const TOPIC_QUERY = `query Topic($id: ID!, $first: Int, $after: String, $fromNumber: Int) { forumTopic(id: $id) {
  id title locked tags highestPostNumber viewerCanReply
  author { id } category { slug name allowsAcceptedAnswers }
  posts(first: $first, after: $after, fromNumber: $fromNumber) { edges { node { ${POST_FIELDS} } } pageInfo { hasNextPage } }
  ${DECISION_FIELDS} ${ADVISORY_FIELDS} } }`;

/** What the benchmark checks in a topic page's answer. */
export interface TopicAnswer {
  forumTopic: {
    highestPostNumber: number;
    posts: {
      edges: Array<{ node: { number: number; html: string | null } }>;
      pageInfo: { hasNextPage: boolean };
    };
  } | null;
}

/** What the benchmark checks in a forum page's answer. */
export interface ForumAnswer {
  forumCategories: Array<{ slug: string; topicCount: number }>;
  forumTopics: { edges: Array<{ node: { title: string } }> };
}
