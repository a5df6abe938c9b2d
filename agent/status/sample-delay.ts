/**
 * How much longer than it takes the agent waits before reading the cluster again: reading 500 nodes and 15,000
 * pods costs about half a second of CPU, so a fixed 15 s period would spend over 3% of a core on it. With this
 * factor the reads stay near 2.5% of the time however large the cluster is.
 */
export const READ_TIME_FACTOR = 40;

/**
 * The delay until the next cluster read: the configured sample interval on small clusters, stretched to
 * `READ_TIME_FACTOR` times the last read's duration on large ones, but never past the status interval (a report
 * is due then anyway, so change detection never gets slower than the periodic report).
 */
export function sampleDelayMs(
  sampleIntervalMs: number,
  statusIntervalMs: number,
  lastReadMs: number,
): number {
  const stretched = Math.min(statusIntervalMs, Math.max(0, lastReadMs) * READ_TIME_FACTOR);
  return Math.max(sampleIntervalMs, stretched);
}
