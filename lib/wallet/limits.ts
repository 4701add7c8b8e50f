/** Limits on what a holder writes about their credentials (issue 5: length-limited, escaped on display). */
export const NOTE_MAX_CHARS = 2000;
export const TAG_MAX_CHARS = 40;
export const TAGS_PER_CREDENTIAL_MAX = 20;
export const COLLECTION_NAME_MAX_CHARS = 80;
export const COLLECTION_DESCRIPTION_MAX_CHARS = 300;
export const COLLECTIONS_PER_HOLDER_MAX = 200;
/** One request may add this many credentials to a collection at once. */
export const COLLECTION_BATCH_MAX = 500;
/** A search longer than this is cut: nobody types more, and it bounds the LIKE pattern. */
export const SEARCH_MAX_CHARS = 100;
export const WALLET_PAGE_SIZE = 24;
/** "Expiring soon" in the wallet means within this many days. */
export const EXPIRING_WITHIN_DAYS = 90;
