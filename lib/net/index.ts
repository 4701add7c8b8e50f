export { createGuardedFetch, type FetchLike, type GuardedFetchOptions, type GuardedInit } from "./guarded-fetch";
export type { GuardedResponse } from "./body";
export { FetchRefusedError, isFetchRefusedError, type FetchRefusedReason } from "./errors";
export { isPublicAddress, type LoopbackAllowance } from "./address";
export type { LookupFn, ResolvedAddress } from "./resolve";
