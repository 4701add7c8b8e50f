export { createGuardedFetch, type FetchLike } from "./guarded-fetch";
export { FetchRefusedError, isFetchRefusedError } from "./errors";
