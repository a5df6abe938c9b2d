import { useState } from "react";
import { graphqlRequest } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import "./forum.css";

/** What the accepted answer's tools need to know about it. */
export interface ForumAnswerData {
  id: string;
  mayBeOutdated: boolean;
  outdatedBy: { name: string } | null;
  viewerCanConfirmRelease: boolean;
  releaseConfirmations: Array<{
    release: { name: string };
    confirmedBy: { handle: string } | null;
    confirmedAt: string;
  }>;
  manualProposals: Array<{ id: string; status: string; title: string }>;
}

export const ANSWER_FIELDS = `mayBeOutdated outdatedBy { name } viewerCanConfirmRelease
  releaseConfirmations { release { name } confirmedBy { handle } confirmedAt } manualProposals { id status title }`;

const CONFIRM = `mutation Confirm($input: ConfirmForumAnswerReleaseInput!) { confirmForumAnswerRelease(input: $input) { post { id } } }`;
const PROPOSE = `mutation Propose($input: ProposeManualChangeFromForumAnswerInput!) {
  proposeManualChangeFromForumAnswer(input: $input) { proposal { id } } }`;
const PAGE = `query Page($manual: String!, $release: String, $path: String!) {
  manual(slug: $manual) { release(name: $release) { page(path: $path) { id } } } }`;

/**
 * Under the accepted answer: the "may be outdated" badge with its confirm button, who confirmed it for which
 * release, and "propose for the manual" (the answer appended to a manual page as a change proposal).
 */
export function ForumAnswerTools(props: {
  answer: ForumAnswerData;
  stamp: { name: string; manual: { slug: string } } | null;
  signedIn: boolean;
  onChange: () => void;
}) {
  const { answer, stamp } = props;
  const confirm = useMutation(CONFIRM);
  const propose = useMutation(PROPOSE);
  const [path, setPath] = useState("");
  const [lookupError, setLookupError] = useState<string | null>(null);
  const manual = stamp?.manual.slug ?? "cooby-stack";

  const onConfirm = async () => {
    const response = await confirm.run({ input: { postId: answer.id } });
    if (response.errors.length === 0) props.onChange();
  };
  const onPropose = async (event: React.FormEvent) => {
    event.preventDefault();
    setLookupError(null);
    const found = await graphqlRequest<{
      manual: { release: { page: { id: string } | null } | null } | null;
    }>(PAGE, {
      manual,
      release: stamp?.name ?? null,
      path: path.trim(),
    });
    const pageId = found.data?.manual?.release?.page?.id;
    if (!pageId) {
      setLookupError(`No page ${path.trim()} in ${manual} ${stamp?.name ?? ""}`.trim());
      return;
    }
    const response = await propose.run({ input: { postId: answer.id, pageId } });
    if (response.errors.length === 0) {
      setPath("");
      props.onChange();
    }
  };

  return (
    <section className="forum-answer-tools" aria-label="Accepted answer tools">
      {answer.mayBeOutdated ? (
        <p className="notice notice-warning">
          <span className="badge badge-warning">May be outdated</span> {manual} {answer.outdatedBy?.name} is
          out and nobody has confirmed this answer for it yet.{" "}
          {answer.viewerCanConfirmRelease ? (
            <button
              type="button"
              className="button button-small"
              onClick={onConfirm}
              disabled={confirm.pending}
            >
              Confirm for {answer.outdatedBy?.name}
            </button>
          ) : null}
        </p>
      ) : null}
      {answer.releaseConfirmations.length > 0 ? (
        <p className="card-meta">
          {answer.releaseConfirmations
            .map((item) => `Confirmed for ${item.release.name} by @${item.confirmedBy?.handle ?? "someone"}`)
            .join(" · ")}
        </p>
      ) : null}
      {answer.manualProposals.length > 0 ? (
        <ul className="card-meta">
          {answer.manualProposals.map((proposal) => (
            <li key={proposal.id}>
              Proposed for the manual:{" "}
              <a href={`/manuals/${manual}/proposals/${proposal.id}`}>{proposal.title}</a> (
              {proposal.status.toLowerCase()})
            </li>
          ))}
        </ul>
      ) : null}
      {props.signedIn ? (
        <details>
          <summary>Propose for the manual</summary>
          <form className="stack" onSubmit={onPropose}>
            <FormField label="Manual page" hint="Its path in the release, e.g. planning/hardware">
              <input value={path} onChange={(event) => setPath(event.target.value)} required />
            </FormField>
            <button type="submit" className="button" disabled={propose.pending}>
              Propose this answer
            </button>
          </form>
        </details>
      ) : null}
      {lookupError ? <p className="field-error">{lookupError}</p> : null}
      <ErrorList errors={[...confirm.errors, ...propose.errors]} />
    </section>
  );
}
