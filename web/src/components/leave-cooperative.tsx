import { useState } from "react";
import { useMutation } from "../lib/use-mutation.js";
import { ErrorList } from "./error-list.js";

const LEAVE_COOPERATIVE = `mutation LeaveCooperative($input: LeaveCooperativeInput!) { leaveCooperative(input: $input) { cooperative { id } } }`;

/**
 * Leaving, with a confirmation step. The hub refuses to let the last admin leave (CONFLICT); its message is
 * shown as it is, since it says what to do instead.
 */
export function LeaveCooperative({
  cooperativeId,
  name,
  onLeft,
}: {
  cooperativeId: string;
  name: string;
  onLeft: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation(LEAVE_COOPERATIVE);

  const confirm = async () => {
    const response = await leave.run({ input: { cooperativeId } });
    setConfirming(false);
    if (response.errors.length === 0) onLeft();
  };

  return (
    <section className="panel panel-quiet" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave {name}</h2>
      <ErrorList errors={leave.errors} title="You could not leave" />
      {confirming ? (
        <p className="actions">
          <span>Leave this cooperative? You will need a new invitation to come back.</span>
          <button type="button" className="button button-danger" disabled={leave.pending} onClick={confirm}>
            Yes, leave
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            Stay
          </button>
        </p>
      ) : (
        <p>
          <button type="button" className="button button-danger-ghost" onClick={() => setConfirming(true)}>
            Leave cooperative
          </button>
        </p>
      )}
    </section>
  );
}
