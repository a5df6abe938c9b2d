import { useState } from "react";
import { fieldProblems } from "../lib/graphql.js";
import { navigate } from "../lib/router.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import type { ManualPageView } from "./manual-types.js";

const PROPOSE = `mutation Propose($input: ProposeManualChangeInput!) {
  proposeManualChange(input: $input) { proposal { id } } }`;

/** "Edit this page": proposes a change based on the revision the form was opened on. */
export function ManualProposalForm({ manualSlug, page }: { manualSlug: string; page: ManualPageView }) {
  const propose = useMutation<{ proposeManualChange: { proposal: { id: string } } }>(PROPOSE);
  const [title, setTitle] = useState(page.title);
  const [summary, setSummary] = useState(page.summary);
  const [markdown, setMarkdown] = useState(page.markdown);
  const [message, setMessage] = useState("");
  const problems = fieldProblems(propose.errors);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await propose.run({
      input: { pageId: page.id, baseRevisionId: page.currentRevision?.id, title, summary, markdown, message },
    });
    const id = response.data?.proposeManualChange.proposal.id;
    if (id) navigate(`/manuals/${manualSlug}/proposals/${id}`);
  };
  return (
    <form className="form manual-proposal-form" onSubmit={submit}>
      <h2>Propose a change</h2>
      <p className="field-hint">
        Based on revision {page.currentRevision?.number}. The manual's maintainers review every proposal.
      </p>
      <ErrorList errors={propose.errors.filter((error) => error.extensions?.code !== "BAD_USER_INPUT")} />
      <FormField label="Title" error={problems.title}>
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required />
      </FormField>
      <FormField label="Summary" error={problems.summary}>
        <input type="text" value={summary} onChange={(event) => setSummary(event.target.value)} />
      </FormField>
      <FormField label="Text (Markdown)" error={problems.markdown}>
        <textarea
          className="manual-markdown-editor"
          value={markdown}
          onChange={(event) => setMarkdown(event.target.value)}
        />
      </FormField>
      <FormField label="What did you change and why?" error={problems.message}>
        <input type="text" value={message} onChange={(event) => setMessage(event.target.value)} />
      </FormField>
      <button type="submit" className="button button-primary" disabled={propose.pending}>
        Send proposal
      </button>
    </form>
  );
}
