// Every table of the one PostgreSQL schema, gathered for Drizzle and drizzle-kit.
export * from "../../directory/schema.js";
export * from "../../meetings/schema.js";
export * from "../../papers/schema.js";
export * from "../../telegram/archive/schema.js";
export * from "../audit/schema.js";
export * from "../auth/schema.js";
