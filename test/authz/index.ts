import { CAPABILITIES } from "../../src/capabilities.js";
import type { AuthzCase, OutputCase, PageCase } from "./types.js";

/** Every capability's written-down expectations, from the manifests `src/capabilities.ts` lists. */
export async function authzCases(): Promise<{ api: AuthzCase[]; pages: PageCase[]; outputs: OutputCase[] }> {
  const api: AuthzCase[] = [];
  const pages: PageCase[] = [];
  const outputs: OutputCase[] = [];
  for (const c of CAPABILITIES) {
    const cases = await c.authz?.();
    if (!cases) continue;
    api.push(...cases.api);
    pages.push(...(cases.pages ?? []));
    outputs.push(...(cases.outputs ?? []));
  }
  return { api, pages, outputs };
}
