import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // Every capability keeps its tables in its own schema.ts (src/capabilities.ts lists them).
  schema: "./src/**/schema.ts",
  out: "./drizzle",
});
