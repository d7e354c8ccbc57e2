/** How long a claimed item stays reserved without a save; abandoned items return to the queue after it. */
export const LEASE_MS = 30 * 60 * 1000;

export function leaseFromNow(now = Date.now()): Date {
  return new Date(now + LEASE_MS);
}

/** Queue depths shown to a person stop counting here ("1,000+"). */
export const QUEUE_COUNT_CAP = 1000;
