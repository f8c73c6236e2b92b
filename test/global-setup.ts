import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildTemplate } from "./support/template.js";

/**
 * Builds one migrated, seeded database for the whole run; each test file then starts from its own
 * copy (a PGlite data-folder dump, or a PostgreSQL database made from the template).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-test-"));
  const template = await buildTemplate(dir);
  project.provide("dbTemplate", template);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "embedded"; dump: string } | { kind: "postgres"; url: string; template: string };
  }
}
