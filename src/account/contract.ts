import { z } from "@hono/zod-openapi";
import { IdParam } from "../core/http/api.js";

export const TokenName = z
  .string()
  .trim()
  .min(1, "give the token a name, so you can tell it apart later")
  .max(80, "at most 80 characters");

export const NewTokenInput = z.object({ name: TokenName });
export type NewToken = z.infer<typeof NewTokenInput>;

/** One of the caller's tokens, by its number. */
export const TokenParams = z.object({ id: IdParam });

export const TokenOut = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export const TokensOut = z.object({ tokens: z.array(TokenOut) });

export const MadeTokenOut = z.object({ token: z.string(), summary: TokenOut });

/** The sign-in form: both fields given; whether they match an account is the sign-in's to say. */
export const SignInInput = z.object({
  username: z.string().trim().min(1, "enter your username").max(100),
  password: z.string().min(1, "enter your password").max(200),
});
export type SignInFields = z.infer<typeof SignInInput>;
