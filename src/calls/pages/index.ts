import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.js";
import { callActionPages } from "./call-actions.js";
import { callPages } from "./call-page.js";
import { callsPages } from "./calls-page.js";

/** The calls' pages: the list with its form, each call, and the call's forms. */
export function callsPagesApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  callsPages(app);
  callPages(app);
  callActionPages(app);
  return app;
}
