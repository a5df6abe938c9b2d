import { describe, expect, it } from "vitest";
import { forumLayout, postsOfOtherTopic } from "./forum-layout.js";

describe("The forum benchmark's layout of posts in topics", () => {
  it("puts 100,000 posts in 5,000 topics with one topic of 5,000 replies", () => {
    const layout = forumLayout({ posts: 100_000, topics: 5_000, bigTopicReplies: 5_000 });
    expect(layout.bigTopicPosts).toBe(5_001);
    expect(layout.postsPerOtherTopic).toBe(19);
    expect(layout.remainder).toBe(94_999 - 19 * 4_999);
    let total = layout.bigTopicPosts;
    for (let index = 0; index < 4_999; index++) total += postsOfOtherTopic(layout, index);
    expect(total).toBe(100_000);
  });

  it("matches the seed's round-robin placement: post i goes to topic i mod (topics - 1)", () => {
    const layout = forumLayout({ posts: 23, topics: 4, bigTopicReplies: 9 });
    const counts = [0, 0, 0];
    for (let index = 0; index < 23 - 10; index++) counts[index % 3]++;
    expect(counts).toEqual([0, 1, 2].map((topic) => postsOfOtherTopic(layout, topic)));
  });

  it("refuses a layout that leaves a topic without its opening post", () => {
    expect(() => forumLayout({ posts: 10, topics: 5, bigTopicReplies: 8 })).toThrow(/opening post/);
    expect(() => forumLayout({ posts: 10, topics: 1, bigTopicReplies: 3 })).toThrow(/2 topics/);
  });
});
