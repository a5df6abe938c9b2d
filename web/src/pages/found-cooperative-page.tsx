import { type FormEvent, useState } from "react";
import { ErrorList } from "../components/error-list.js";
import { FormField } from "../components/form-field.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { TIER_LABELS } from "../lib/format.js";
import { fieldProblems } from "../lib/graphql.js";
import { usePageTitle } from "../lib/page-title.js";
import { navigate } from "../lib/router.js";
import { suggestSlug } from "../lib/slug.js";
import { useMutation } from "../lib/use-mutation.js";
import { useViewer } from "../lib/viewer.js";

const APPLY = `mutation Apply($input: ApplyForCooperativeInput!) { applyForCooperative(input: $input) { cooperative { slug } } }`;

interface ApplyData {
  applyForCooperative: { cooperative: { slug: string } } | null;
}

/** The application to found a cooperative. Every field error from the hub is shown next to its field. */
function FoundCooperativeForm() {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [country, setCountry] = useState("");
  const [website, setWebsite] = useState("");
  const [description, setDescription] = useState("");
  const [tier, setTier] = useState("ALLIANCE_PARTNER");
  const apply = useMutation<ApplyData>(APPLY);
  const problems = fieldProblems(apply.errors);
  const unplaced = apply.errors.filter(
    (error) => !error.extensions?.problems?.length && !error.extensions?.field,
  );

  const changeName = (value: string) => {
    setName(value);
    if (!slugEdited) setSlug(suggestSlug(value));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name, slug, country, website: website.trim() || null, description, tier };
    const response = await apply.run({ input });
    const created = response.data?.applyForCooperative?.cooperative;
    if (created) navigate(`/cooperatives/${created.slug}`);
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate>
      {Object.keys(problems).length > 0 ? (
        <p className="notice notice-error" role="alert">
          Please correct the fields marked below.
        </p>
      ) : null}
      <ErrorList errors={unplaced} />
      <FormField label="Name" error={problems.name}>
        <input
          type="text"
          required
          autoComplete="organization"
          value={name}
          onChange={(event) => changeName(event.target.value)}
        />
      </FormField>
      <FormField
        label="Slug"
        hint="The address of its page: 3–40 lowercase letters, digits or hyphens."
        error={problems.slug}
      >
        <input
          type="text"
          required
          value={slug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value);
          }}
        />
      </FormField>
      <div className="form-row">
        <FormField label="Country" hint="Two-letter ISO code, e.g. DE or CH." error={problems.country}>
          <input
            type="text"
            required
            maxLength={2}
            autoComplete="country"
            value={country}
            onChange={(event) => setCountry(event.target.value)}
          />
        </FormField>
        <FormField label="Tier" error={problems.tier}>
          <select value={tier} onChange={(event) => setTier(event.target.value)}>
            {Object.entries(TIER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField label="Website (optional)" error={problems.website}>
        <input
          type="url"
          autoComplete="url"
          placeholder="https://"
          value={website}
          onChange={(event) => setWebsite(event.target.value)}
        />
      </FormField>
      <FormField
        label="Description"
        hint="What you run and for whom, in a few sentences."
        error={problems.description}
      >
        <textarea rows={5} value={description} onChange={(event) => setDescription(event.target.value)} />
      </FormField>
      <p>
        <button type="submit" className="button button-primary" disabled={apply.pending}>
          {apply.pending ? "Sending…" : "Send application"}
        </button>
      </p>
    </form>
  );
}

/** `/cooperatives/new`: apply to found a cooperative; a steward decides. */
export function FoundCooperativePage() {
  usePageTitle("Found a cooperative");
  const { person, loading } = useViewer();
  return (
    <div className="page narrow">
      <h1>Found a cooperative</h1>
      <p className="lead">
        Apply to bring your cooperative into the alliance. You become its first admin at once; a steward
        reviews the application before it appears in the directory.
      </p>
      {loading ? (
        <p className="muted">Loading…</p>
      ) : person ? (
        <FoundCooperativeForm />
      ) : (
        <SignInPrompt action="apply" />
      )}
    </div>
  );
}
