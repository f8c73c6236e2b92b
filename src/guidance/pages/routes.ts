import type { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.js";

export function guidancePages(_app: Hono<AppEnv>): void {}
