export * from "./auth";
export * from "./collections";
export * from "./credentials";
export * from "./issuers";
export * from "./rate-limits";
