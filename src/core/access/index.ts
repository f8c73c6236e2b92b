export * from "./markings.js";
export * from "./reader.js";
export * from "./redaction.js";
export * from "./rules.js";
export * from "./sql.js";
