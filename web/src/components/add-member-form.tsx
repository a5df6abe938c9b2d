import { type FormEvent, useState } from "react";
import { fieldProblems } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import { RoleField } from "./role-field.js";

const ADD_MEMBER = `mutation AddMember($input: AddMemberInput!) { addMember(input: $input) { membership { id } } }`;

/** Adds a person who already has an account on the hub, by their handle. */
export function AddMemberForm({ cooperativeId, onAdded }: { cooperativeId: string; onAdded: () => void }) {
  const [handle, setHandle] = useState("");
  const [role, setRole] = useState("MEMBER");
  const [added, setAdded] = useState("");
  const addMember = useMutation(ADD_MEMBER);
  const problems = fieldProblems(addMember.errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded("");
    const cleanHandle = handle.trim().replace(/^@/, "");
    const response = await addMember.run({ input: { cooperativeId, handle: cleanHandle, role } });
    if (response.errors.length === 0) {
      setAdded(cleanHandle);
      setHandle("");
      onAdded();
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">Add by handle</h3>
      <p className="form-intro">For people who have signed in to the hub before.</p>
      <div className="form-row">
        <FormField label="Handle" error={problems.handle}>
          <input
            type="text"
            required
            autoComplete="off"
            value={handle}
            onChange={(event) => setHandle(event.target.value)}
          />
        </FormField>
        <RoleField value={role} error={problems.role} onChange={setRole} />
      </div>
      <ErrorList errors={Object.keys(problems).length > 0 ? [] : addMember.errors} />
      <p>
        <button type="submit" className="button button-primary" disabled={addMember.pending}>
          {addMember.pending ? "Adding…" : "Add member"}
        </button>
      </p>
      {added ? (
        <p className="notice notice-success" role="status">
          @{added} is now a member.
        </p>
      ) : null}
    </form>
  );
}
