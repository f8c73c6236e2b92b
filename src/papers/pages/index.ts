import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.js";
import { paperActionPages } from "./paper-actions.js";
import { paperEditPages } from "./paper-edit.js";
import { paperPages } from "./paper-page.js";
import { registerPages } from "./register-page.js";

/** The register's pages: the list with its form, each paper, and the paper's forms. */
export function papersPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  registerPages(app);
  paperPages(app);
  paperActionPages(app);
  paperEditPages(app);
  return app;
}
