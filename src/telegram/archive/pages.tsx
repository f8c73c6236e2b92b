import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.js";

export function telegramPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
