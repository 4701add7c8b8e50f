/** The CPD data layer's messages for what is not found (thrown as DomainError "not_found"). */
export const PROFILE_NOT_FOUND = "That requirement profile was not found.";
export const CYCLE_NOT_FOUND = "That cycle was not found.";
export const CREDENTIAL_NOT_FOUND = "That credential was not found in your wallet.";
