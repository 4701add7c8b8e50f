export * from "./auth";
export * from "./credentials";
export * from "./issuers";
export * from "./rate-limits";
