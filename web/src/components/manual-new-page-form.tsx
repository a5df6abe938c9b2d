import { useState } from "react";
import { fieldProblems } from "../lib/graphql.js";
import { navigate } from "../lib/router.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import type { ManualReleaseView } from "./manual-types.js";

const PROPOSE = `mutation ProposePage($input: ProposeManualChangeInput!) {
  proposeManualChange(input: $input) { proposal { id } } }`;

const STARTER = "# New page\n\nWhat this page explains, with the commands to run.\n";

/** Proposes a new page in a chapter of a release; it appears in the sidebar once a maintainer merges it. */
export function ManualNewPageForm({
  manualSlug,
  release,
  chapterSlug,
}: {
  manualSlug: string;
  release: ManualReleaseView;
  chapterSlug?: string;
}) {
  const propose = useMutation<{ proposeManualChange: { proposal: { id: string } } }>(PROPOSE);
  const initialChapter =
    release.chapters.find((chapter) => chapter.slug === chapterSlug) ?? release.chapters[0];
  const [chapterId, setChapterId] = useState(initialChapter?.id ?? "");
  const [slug, setSlug] = useState("");
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [markdown, setMarkdown] = useState(STARTER);
  const [message, setMessage] = useState("");
  const problems = fieldProblems(propose.errors);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await propose.run({ input: { chapterId, slug, title, summary, markdown, message } });
    const id = response.data?.proposeManualChange.proposal.id;
    if (id) navigate(`/manuals/${manualSlug}/proposals/${id}`);
  };
  return (
    <form className="form manual-proposal-form" onSubmit={submit}>
      <ErrorList errors={propose.errors.filter((error) => error.extensions?.code !== "BAD_USER_INPUT")} />
      <FormField label="Chapter" error={problems.chapterId}>
        <select value={chapterId} onChange={(event) => setChapterId(event.target.value)} required>
          {release.chapters.map((chapter) => (
            <option key={chapter.id} value={chapter.id}>
              {chapter.title}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="Slug"
        hint="The last part of the page's address: lowercase letters, digits and dashes, e.g. spare-parts."
        error={problems.slug}
      >
        <input
          type="text"
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          pattern="[a-z0-9]([a-z0-9\-]*[a-z0-9])?"
          required
        />
      </FormField>
      <FormField label="Title" error={problems.title}>
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required />
      </FormField>
      <FormField label="Summary" error={problems.summary}>
        <input type="text" value={summary} onChange={(event) => setSummary(event.target.value)} />
      </FormField>
      <FormField
        label="Text (Markdown)"
        hint="Link other pages of the release relatively, e.g. ../02-planning/hardware.md."
        error={problems.markdown}
      >
        <textarea
          className="manual-markdown-editor"
          value={markdown}
          onChange={(event) => setMarkdown(event.target.value)}
        />
      </FormField>
      <FormField label="Why is this page needed?" error={problems.message}>
        <input type="text" value={message} onChange={(event) => setMessage(event.target.value)} />
      </FormField>
      <button type="submit" className="button button-primary" disabled={propose.pending}>
        Send proposal
      </button>
    </form>
  );
}
