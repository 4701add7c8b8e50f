/** Limits on share links (issue 7). */
export const SHARE_HEADLINE_MAX_CHARS = 120;
/** A selection names at most this many credentials; a collection or profile page shows at most this many. */
export const SHARE_CREDENTIALS_MAX = 500;
/** Links a holder can keep (revoked and expired ones count until deleted). */
export const SHARES_PER_HOLDER_MAX = 500;
