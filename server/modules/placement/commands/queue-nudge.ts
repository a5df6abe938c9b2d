/** Wakes the queue runners of this process (each checks the queue soon); correctness never depends on it. */
type Nudge = () => void;

const listeners = new Set<Nudge>();

/** Registers a runner's wake-up; returns the function that unregisters it. */
export function onPlacementQueueNudge(nudge: Nudge): () => void {
  listeners.add(nudge);
  return () => listeners.delete(nudge);
}

/**
 * Asks this process's queue runner to look at the queue now instead of at its next tick (a placement was queued,
 * capacity was released, an offer changed). Another process's runner finds the work at its next tick anyway.
 */
export function nudgePlacementQueue(): void {
  for (const nudge of listeners) nudge();
}
