import { useState } from "react";
import { graphqlRequest } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import "./forum.css";

const SLOW_MODE = `mutation Slow($input: SetForumTopicSlowModeInput!) { setForumTopicSlowMode(input: $input) { topic { id } } }`;
const SPLIT = `mutation Split($input: SplitForumTopicInput!) { splitForumTopic(input: $input) { topic { path } } }`;
const MERGE = `mutation Merge($input: MergeForumTopicInput!) { mergeForumTopic(input: $input) { target { path } } }`;
const STAMP = `mutation Stamp($input: StampForumTopicReleaseInput!) { stampForumTopicRelease(input: $input) { topic { id } } }`;
/** The IDs of the posts to split, looked up by number: the page may not have loaded them (it pages by 50). */
const POST_IDS = `query SplitPosts($id: ID!, $from: Int!, $first: Int!) { forumTopic(id: $id) {
  posts(first: $first, fromNumber: $from) { edges { node { id number } } } } }`;
const OPTIONS = `query ToolOptions { forumCategories { id name }
  manuals(first: 20) { edges { node { slug releases { id name } } } } }`;

interface Options {
  forumCategories: Array<{ id: string; name: string }>;
  manuals: { edges: Array<{ node: { slug: string; releases: Array<{ id: string; name: string }> } }> };
}

/** The topic facts the tools need. */
export interface TopicToolsProps {
  topicId: string;
  slowModeSeconds: number;
  releaseStampId: string | null;
  isModerator: boolean;
  onChange: () => void;
}

/** The IDs of the topic's posts with the given numbers (those within 100 of the lowest). */
async function postIdsFor(topicId: string, numbers: Set<number>): Promise<string[]> {
  if (numbers.size === 0) return [];
  const from = Math.max(1, Math.min(...numbers));
  const first = Math.min(100, Math.max(...numbers) - from + 1);
  const response = await graphqlRequest<{
    forumTopic: { posts: { edges: Array<{ node: { id: string; number: number } }> } } | null;
  }>(POST_IDS, { id: topicId, from, first });
  const edges = response.data?.forumTopic?.posts.edges ?? [];
  return edges.filter(({ node }) => numbers.has(node.number)).map(({ node }) => node.id);
}

/** A topic ID from a pasted topic URL (/forum/t/<slug>/<id>) or the ID itself. */
const topicIdOf = (value: string) => value.trim().split("/").filter(Boolean).pop() ?? "";

/**
 * Tools on the topic page: the release stamp (author or moderator) and, for moderators, slow mode, split (chosen
 * replies into a new topic) and merge (into another topic).
 */
export function ForumTopicTools(props: TopicToolsProps) {
  const { data } = useQuery<Options>(OPTIONS);
  const slow = useMutation(SLOW_MODE);
  const split = useMutation<{ splitForumTopic: { topic: { path: string } } }>(SPLIT);
  const merge = useMutation<{ mergeForumTopic: { target: { path: string } } }>(MERGE);
  const stamp = useMutation(STAMP);
  const [seconds, setSeconds] = useState(String(props.slowModeSeconds || 60));
  const [numbers, setNumbers] = useState("");
  const [title, setTitle] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [target, setTarget] = useState("");
  const done = (response: { errors: unknown[] }) => {
    if (response.errors.length === 0) props.onChange();
  };
  const releases = data?.manuals.edges.flatMap(({ node }) =>
    node.releases.map((release) => ({ id: release.id, label: `${node.slug} ${release.name}` })),
  );
  const wanted = new Set(
    numbers
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
      .filter((number) => Number.isInteger(number) && number > 0),
  );

  return (
    <details className="panel forum-topic-tools">
      <summary>Topic tools</summary>
      <FormField label="Applies to release">
        <select
          value={props.releaseStampId ?? ""}
          onChange={async (event) =>
            done(
              await stamp.run({ input: { topicId: props.topicId, releaseId: event.target.value || null } }),
            )
          }
        >
          <option value="">No release</option>
          {releases?.map((release) => (
            <option key={release.id} value={release.id}>
              {release.label}
            </option>
          ))}
        </select>
      </FormField>
      {props.isModerator ? (
        <>
          <form
            className="inline-form"
            onSubmit={async (event) => {
              event.preventDefault();
              done(await slow.run({ input: { topicId: props.topicId, seconds: Number(seconds) } }));
            }}
          >
            <FormField label="Slow mode (seconds between posts, 0 to turn off)">
              <input
                type="number"
                min={0}
                max={86400}
                value={seconds}
                onChange={(event) => setSeconds(event.target.value)}
              />
            </FormField>
            <button type="submit" className="button">
              Set slow mode
            </button>
          </form>
          <form
            className="stack"
            onSubmit={async (event) => {
              event.preventDefault();
              const postIds = await postIdsFor(props.topicId, wanted);
              const response = await split.run({
                input: { topicId: props.topicId, postIds, categoryId, title },
              });
              if (response.data) window.location.assign(response.data.splitForumTopic.topic.path);
            }}
          >
            <FormField label="Split replies (post numbers)" hint="e.g. 3, 5">
              <input value={numbers} onChange={(event) => setNumbers(event.target.value)} />
            </FormField>
            <FormField label="New topic title">
              <input value={title} onChange={(event) => setTitle(event.target.value)} />
            </FormField>
            <FormField label="New topic category">
              <select value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
                <option value="">Choose…</option>
                {data?.forumCategories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </select>
            </FormField>
            <button type="submit" className="button">
              Split into a new topic
            </button>
          </form>
          <form
            className="inline-form"
            onSubmit={async (event) => {
              event.preventDefault();
              const response = await merge.run({
                input: { sourceTopicId: props.topicId, targetTopicId: topicIdOf(target) },
              });
              if (response.data) window.location.assign(response.data.mergeForumTopic.target.path);
            }}
          >
            <FormField label="Merge into topic (URL or ID)">
              <input value={target} onChange={(event) => setTarget(event.target.value)} />
            </FormField>
            <button type="submit" className="button">
              Merge
            </button>
          </form>
        </>
      ) : null}
      <ErrorList errors={[...slow.errors, ...split.errors, ...merge.errors, ...stamp.errors]} />
    </details>
  );
}
