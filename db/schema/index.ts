export * from "./auth";
export * from "./collections";
export * from "./credentials";
export * from "./issuers";
export * from "./pathways";
export * from "./rate-limits";
export * from "./shares";
export * from "./cpd";
