import { type FormEvent, useEffect, useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

const REPLY = `mutation Reply($input: ReplyToForumTopicInput!) { replyToForumTopic(input: $input) { post { number } } }`;

/**
 * The reply composer: Markdown with `@handle` mentions and quotes (`> [!quote @ada post:3]`). A quote chosen on a
 * post is appended to the text.
 */
export function ForumComposer({
  topicId,
  quote,
  onPosted,
}: {
  topicId: string;
  quote: string;
  /** Called with the new post's number once it is posted. */
  onPosted: (number: number) => void;
}) {
  const [markdown, setMarkdown] = useState("");
  const reply = useMutation<{ replyToForumTopic: { post: { number: number } } }>(REPLY);
  useEffect(() => {
    if (quote) setMarkdown((text) => `${text}${text ? "\n\n" : ""}${quote}\n\n`);
  }, [quote]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await reply.run({ input: { topicId, markdown } });
    if (response.data) {
      setMarkdown("");
      onPosted(response.data.replyToForumTopic.post.number);
    }
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-label="Reply">
      <label className="field">
        <span>Your reply (Markdown; mention people with @handle)</span>
        <textarea rows={6} value={markdown} onChange={(event) => setMarkdown(event.target.value)} required />
      </label>
      <ErrorList errors={reply.errors} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={reply.pending}>
          Post reply
        </button>
      </div>
    </form>
  );
}
