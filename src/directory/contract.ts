import { z } from "@hono/zod-openapi";
import { ROLES } from "../core/access/reader.js";

export const Username = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{1,39}$/,
    "2–40 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter",
  );

export const RoleName = z.enum(ROLES);

export const NewUserInput = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1, "give the person's name").max(120),
    email: z.email("give a valid e-mail address").max(200).nullish(),
    title: z.string().trim().max(160).nullish(),
    government: z.string().regex(/^[A-Za-z]{2}$/, "a two-letter government code such as US or FR"),
    roles: z.array(RoleName).max(ROLES.length).default([]),
    regimeClearance: z.string().min(1).default("PUBLIC").describe("a marking on the regime ladder, e.g. RR"),
    nationalClearance: z
      .string()
      .min(1)
      .optional()
      .describe("a marking on the government's own ladder, e.g. C"),
    password: z.string().min(12, "at least 12 characters").max(200),
  })
  .openapi("NewUser");

export const UserPatch = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    email: z.email().max(200).nullable().optional(),
    title: z.string().trim().max(160).nullable().optional(),
    roles: z.array(RoleName).max(ROLES.length).optional(),
    regimeClearance: z.string().min(1).optional(),
    nationalClearance: z.string().min(1).optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(12, "at least 12 characters").max(200).optional(),
  })
  .strict()
  .openapi("UserPatch");

export const Clearance = z.object({ ladder: z.string(), code: z.string(), label: z.string() });

export const UserOut = z
  .object({
    username: z.string(),
    displayName: z.string(),
    title: z.string().nullable(),
    government: z.object({ code: z.string(), name: z.string() }),
    roles: z.array(z.string()),
    email: z.string().nullable().optional(),
    clearances: z.object({ regime: Clearance, national: Clearance }).optional(),
    disabled: z.boolean().optional(),
  })
  .openapi("User");

export const GovernmentOut = z
  .object({
    code: z.string(),
    name: z.string(),
    status: z.enum(["partner", "candidate", "non_partner"]),
    standing: z.enum(["partner", "candidate", "non_partner"]).describe("its standing on the clock's day"),
    admittedYear: z.number().nullable(),
    admittedOn: z.string().nullable(),
    admissionNote: z.string().nullable(),
    pointOfContact: z.boolean(),
    ladder: z.string(),
  })
  .openapi("Government");

export const MeOut = z
  .object({
    username: z.string(),
    displayName: z.string(),
    government: z.object({
      code: z.string(),
      name: z.string(),
      standing: z.string(),
      pointOfContact: z.boolean(),
    }),
    roles: z.array(z.string()),
    clearances: z.object({ regime: Clearance, national: Clearance }),
    spaces: z.array(z.string()),
  })
  .openapi("Me");

export const UsersOut = z.object({ users: z.array(UserOut) });
export const GovernmentsOut = z.object({ governments: z.array(GovernmentOut) });
export const GovernmentCode = z.string().regex(/^[A-Za-z]{2}$/, "a two-letter code");

export type NewUser = z.infer<typeof NewUserInput>;
export type UserChange = z.infer<typeof UserPatch>;
