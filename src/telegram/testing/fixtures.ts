// Paths of test data, resolved from this file so tests run from any working directory.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, "../fixtures");
export const PROJECT_ROOT = resolve(here, "../../..");
/** The shared cables folder beside the project (`../shared/cables` from the project root). */
export const CABLES = resolve(PROJECT_ROOT, "../shared/cables");
export const SEED_PATH = resolve(PROJECT_ROOT, "../shared/seed/STATE-08-070895.txt");
export const SEED_COPY = join(FIXTURES, "STATE-08-070895.txt");

export function fixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}

/** The seed as copied from the web page, kept in fixtures so tests need nothing outside. */
export function seedBytes(): Uint8Array {
  return readFileSync(existsSync(SEED_COPY) ? SEED_COPY : SEED_PATH);
}
