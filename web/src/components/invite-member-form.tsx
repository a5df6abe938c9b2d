import { type FormEvent, useState } from "react";
import { fieldProblems } from "../lib/graphql.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import { RoleField } from "./role-field.js";
import { SecretReveal } from "./secret-reveal.js";

const INVITE_MEMBER = `mutation InviteMember($input: InviteMemberInput!) {
  inviteMember(input: $input) { invitationUrl invitation { id email role } }
}`;

interface InviteData {
  inviteMember: { invitationUrl: string; invitation: { id: string; email: string } } | null;
}

/** Invites someone by email; the invitation link is shown once, to copy and send. */
export function InviteMemberForm({
  cooperativeId,
  onInvited,
}: {
  cooperativeId: string;
  onInvited: () => void;
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("MEMBER");
  const [created, setCreated] = useState<{ email: string; url: string } | null>(null);
  const invite = useMutation<InviteData>(INVITE_MEMBER);
  const problems = fieldProblems(invite.errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const response = await invite.run({ input: { cooperativeId, email: email.trim(), role } });
    const payload = response.data?.inviteMember;
    if (payload) {
      setCreated({ email: payload.invitation.email, url: payload.invitationUrl });
      setEmail("");
      onInvited();
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite by email</h3>
      <p className="form-intro">Creates a link for you to send; it works once, for this address.</p>
      <div className="form-row">
        <FormField label="Email address" error={problems.email}>
          <input
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </FormField>
        <RoleField value={role} error={problems.role} onChange={setRole} />
      </div>
      <ErrorList errors={Object.keys(problems).length > 0 ? [] : invite.errors} />
      <p>
        <button type="submit" className="button button-primary" disabled={invite.pending}>
          {invite.pending ? "Inviting…" : "Create invitation"}
        </button>
      </p>
      {created ? (
        <SecretReveal
          label={`Invitation link for ${created.email}`}
          value={created.url}
          warning="Send this link to the person yourself. It is shown only now and cannot be displayed again."
        />
      ) : null}
    </form>
  );
}
