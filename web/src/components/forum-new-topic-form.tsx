import { type FormEvent, useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { navigate } from "../lib/router.js";
import { ErrorList } from "./error-list.js";

const CREATE_TOPIC = `mutation CreateTopic($input: CreateForumTopicInput!) {
  createForumTopic(input: $input) { topic { id path } } }`;

/** Starts a topic in one of the categories the viewer may post in. */
export function ForumNewTopicForm({
  categories,
}: {
  categories: Array<{ id: string; name: string; kind: string }>;
}) {
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [markdown, setMarkdown] = useState("");
  const [tags, setTags] = useState("");
  const [options, setOptions] = useState("Yes\nNo");
  const [quorum, setQuorum] = useState("2");
  const [closesAt, setClosesAt] = useState("");
  const isDecision = categories.find((category) => category.id === categoryId)?.kind === "DECISION";
  const create = useMutation<{ createForumTopic: { topic: { path: string } } }>(CREATE_TOPIC);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tagList = tags
      .split(/[\s,]+/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    const decision = isDecision
      ? {
          options: options
            .split("\n")
            .map((option) => option.trim())
            .filter(Boolean),
          quorum: Number(quorum),
          closesAt: closesAt ? new Date(closesAt).toISOString() : "",
        }
      : null;
    const response = await create.run({ input: { categoryId, title, markdown, tags: tagList, decision } });
    const path = response.data?.createForumTopic.topic.path;
    if (path) navigate(path);
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-label="New topic">
      <h2>New topic</h2>
      <label className="field">
        <span>Category</span>
        <select value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Title</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} required />
      </label>
      <label className="field">
        <span>Text (Markdown)</span>
        <textarea rows={6} value={markdown} onChange={(event) => setMarkdown(event.target.value)} required />
      </label>
      <label className="field">
        <span>Tags (up to 5, separated by commas)</span>
        <input value={tags} onChange={(event) => setTags(event.target.value)} />
      </label>
      {isDecision ? (
        <fieldset className="stack">
          <legend>Decision</legend>
          <label className="field">
            <span>Options (one per line)</span>
            <textarea rows={3} value={options} onChange={(event) => setOptions(event.target.value)} />
          </label>
          <label className="field">
            <span>Quorum (cooperatives that must vote)</span>
            <input type="number" min={1} value={quorum} onChange={(event) => setQuorum(event.target.value)} />
          </label>
          <label className="field">
            <span>Voting closes at</span>
            <input
              type="datetime-local"
              value={closesAt}
              onChange={(event) => setClosesAt(event.target.value)}
              required
            />
          </label>
        </fieldset>
      ) : null}
      <ErrorList errors={create.errors} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={create.pending}>
          Create topic
        </button>
      </div>
    </form>
  );
}
