/** A placement waiting for capacity. */
export interface QueuedRequest {
  id: string;
  /** The requester's fair-share factor F at the time of ordering. */
  fairShare: number;
  requestedAt: Date;
}

/**
 * Who is served first when capacity is short: higher fair share first (those who give more), then the older
 * request, then the id so the order is total and stable.
 */
export function compareQueuedRequests(left: QueuedRequest, right: QueuedRequest): number {
  if (left.fairShare !== right.fairShare) return right.fairShare - left.fairShare;
  const age = left.requestedAt.getTime() - right.requestedAt.getTime();
  if (age !== 0) return age;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/** A sorted copy of the queue, first to serve first. */
export function orderQueue<Request extends QueuedRequest>(queue: readonly Request[]): Request[] {
  return [...queue].sort(compareQueuedRequests);
}
