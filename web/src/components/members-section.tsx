import type { MemberEntry } from "../lib/cooperative-types.js";
import { formatDate, roleLabel } from "../lib/format.js";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

const CHANGE_ROLE = `mutation ChangeRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { id role } } }`;
const REMOVE_MEMBER = `mutation RemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId } }`;

interface MembersSectionProps {
  members: readonly MemberEntry[];
  totalCount: number;
  /** True when the viewer may change roles and remove members. */
  manage: boolean;
  viewerId: string | undefined;
  onChanged: () => void;
}

/** The member list with roles; admins get a role selector and a remove button per member. */
export function MembersSection({ members, totalCount, manage, viewerId, onChanged }: MembersSectionProps) {
  const changeRole = useMutation(CHANGE_ROLE);
  const removeMember = useMutation(REMOVE_MEMBER);

  const setRole = async (membershipId: string, role: string) => {
    removeMember.clearErrors();
    const response = await changeRole.run({ input: { membershipId, role } });
    if (response.errors.length === 0) onChanged();
  };
  const remove = async (membershipId: string) => {
    changeRole.clearErrors();
    const response = await removeMember.run({ input: { membershipId } });
    if (response.errors.length === 0) onChanged();
  };

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members ({totalCount})</h2>
      <ErrorList errors={[...changeRole.errors, ...removeMember.errors]} />
      <ul className="member-list">
        {members.map((member) => (
          <li key={member.id} className="member-row">
            <div className="member-who">
              <span className="member-name">
                {member.person.name}
                {member.person.id === viewerId ? <span className="muted"> (you)</span> : null}
              </span>
              <span className="muted">
                @{member.person.handle} · since {formatDate(member.createdAt)}
              </span>
            </div>
            {manage ? (
              <div className="member-actions">
                <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                  Role of {member.person.name}
                </label>
                <select
                  id={`role-${member.id}`}
                  value={member.role}
                  disabled={changeRole.pending}
                  onChange={(event) => setRole(member.id, event.target.value)}
                >
                  <option value="MEMBER">Member</option>
                  <option value="ADMIN">Admin</option>
                </select>
                <button
                  type="button"
                  className="button button-danger-ghost button-small"
                  disabled={removeMember.pending}
                  onClick={() => remove(member.id)}
                  aria-label={`Remove ${member.person.name}`}
                >
                  Remove
                </button>
              </div>
            ) : (
              <span className="badge badge-neutral">{roleLabel(member.role)}</span>
            )}
          </li>
        ))}
      </ul>
      {totalCount > members.length ? (
        <p className="muted">
          Showing the first {members.length} of {totalCount} members.
        </p>
      ) : null}
    </section>
  );
}
