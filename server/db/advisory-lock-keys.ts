/**
 * Every single-runner job's advisory lock key, in one place: two jobs sharing a key would silently skip each
 * other's passes (`pg_try_advisory_xact_lock` answers false while the other runs). `advisory-lock-keys.test.ts`
 * checks they are distinct. Per-object locks (cluster reservations, forum posting) use two-key or hashed locks in
 * their own spaces.
 */
export const ADVISORY_LOCK_KEYS = {
  searchOutbox: 72_817_001,
  forumMail: 72_817_010,
  forumDigest: 72_817_011,
  forumFanout: 72_817_020,
  leaseSweeper: 7_301_464_250_113,
  clusterHistory: 7_301_464_250_114,
  placementQueue: 7_301_464_250_127,
  placementFailover: 7_301_464_250_128,
} as const;
