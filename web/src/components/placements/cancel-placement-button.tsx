import { useState } from "react";
import { useMutation } from "../../lib/use-mutation.js";
import { ErrorList } from "../error-list.js";

const CANCEL = `mutation CancelPlacement($input: CancelPlacementInput!) {
  cancelPlacement(input: $input) { placement { id status } }
}`;

/** Cancel, for the placement's cooperative admins, after an explicit confirmation (the agents remove the work). */
export function CancelPlacementButton({
  placementId,
  onCancelled,
}: {
  placementId: string;
  onCancelled: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(CANCEL);
  const confirm = async () => {
    const response = await cancel.run({ input: { placementId } });
    if (response.errors.length === 0) {
      setConfirming(false);
      onCancelled();
    }
  };
  if (!confirming)
    return (
      <div className="actions">
        <button type="button" className="button button-danger-ghost" onClick={() => setConfirming(true)}>
          Cancel placement
        </button>
      </div>
    );
  return (
    <div className="notice notice-warning" role="alertdialog" aria-labelledby="cancel-confirm-text">
      <p id="cancel-confirm-text">
        Cancel this placement? The agents delete everything it runs and the reserved capacity is released.
      </p>
      <ErrorList errors={cancel.errors} />
      <div className="actions">
        <button type="button" className="button button-danger" onClick={confirm} disabled={cancel.pending}>
          {cancel.pending ? "Cancelling…" : "Yes, cancel it"}
        </button>{" "}
        <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
          Keep it running
        </button>
      </div>
    </div>
  );
}
