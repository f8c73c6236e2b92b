export * from "../../src/core/authz.js";
