import { defineConfig } from "vitest/config";

/**
 * Three tiers, one command: pure units (no database, run in threads), tests on a real database
 * (each file its own copy of the seeded template: PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * and tests that spawn `plenary` processes. `npm test` runs them all; `vitest --project unit`
 * runs one tier.
 */
const shared = { env: { TZ: "UTC" }, testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
          exclude: ["**/*.db.test.{ts,tsx}", "**/*.process.test.ts", "**/node_modules/**"],
          pool: "threads",
        },
      },
      {
        test: {
          ...shared,
          name: "database",
          include: ["src/**/*.db.test.{ts,tsx}", "test/**/*.db.test.ts"],
          pool: "forks",
        },
      },
      {
        test: {
          ...shared,
          name: "process",
          include: ["src/**/*.process.test.ts", "test/**/*.process.test.ts"],
          pool: "forks",
          // A spawned process builds its own database and loads the scenario before it answers.
          testTimeout: 90_000,
        },
      },
    ],
  },
});
