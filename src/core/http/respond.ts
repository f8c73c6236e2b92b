import type { z } from "@hono/zod-openapi";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Ctx } from "./env.js";

/**
 * The one way a JSON answer goes out: the value is parsed with the route's declared output schema,
 * so only the fields the schema lists leave the server (zod drops the rest), and an answer that
 * does not match its schema is a server error, not a leak.
 */
export function respond<S extends z.ZodType, Status extends ContentfulStatusCode>(
  c: Ctx,
  schema: S,
  value: z.input<S>,
  status: Status,
) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `the answer does not match its output schema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
        .join("; ")}`,
    );
  }
  return c.json(parsed.data as z.output<S>, status);
}
