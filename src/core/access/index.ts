export * from "./markings.js";
export * from "./policy.js";
export * from "./reader.js";
export * from "./redaction.js";
export * from "./sql.js";
