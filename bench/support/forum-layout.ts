/**
 * How the forum benchmark spreads its posts: one big topic with `bigTopicReplies` replies, and the rest of the posts
 * over the other topics as evenly as possible (the first `remainder` of them get one post more).
 */
export interface ForumLayout {
  topics: number;
  posts: number;
  /** Posts of the big topic: its opening post plus the replies. */
  bigTopicPosts: number;
  /** Posts of every other topic (at least 1: the opening post). */
  postsPerOtherTopic: number;
  /** How many of the other topics hold `postsPerOtherTopic + 1` posts. */
  remainder: number;
}

/**
 * Lays out `posts` posts in `topics` topics with one topic of `bigTopicReplies` replies. Refuses layouts where a
 * topic would have no opening post. The seed places other-topic post `i` (0-based) in other topic `i % (topics - 1)`
 * as number `1 + floor(i / (topics - 1))`, which yields exactly these counts.
 */
export function forumLayout(options: {
  posts: number;
  topics: number;
  bigTopicReplies: number;
}): ForumLayout {
  const { posts, topics, bigTopicReplies } = options;
  if (!Number.isInteger(topics) || topics < 2) throw new Error("at least 2 topics");
  const bigTopicPosts = bigTopicReplies + 1;
  const otherTopics = topics - 1;
  const otherPosts = posts - bigTopicPosts;
  if (otherPosts < otherTopics)
    throw new Error(`${posts} posts cannot give ${topics} topics an opening post`);
  return {
    topics,
    posts,
    bigTopicPosts,
    postsPerOtherTopic: Math.floor(otherPosts / otherTopics),
    remainder: otherPosts % otherTopics,
  };
}

/** Posts of other topic `index` (0-based among the other topics) under `layout`. */
export function postsOfOtherTopic(layout: ForumLayout, index: number): number {
  return layout.postsPerOtherTopic + (index < layout.remainder ? 1 : 0);
}
