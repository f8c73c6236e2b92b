import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./errors.js";

const message = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a refusal");
  return r.error.issues[0]?.message;
};

describe("plain messages for fields whose schema gives none", () => {
  it("speaks of what to give, not of the library's types", () => {
    expect(message(z.string().min(1), "")).toBe("this is required: write something");
    expect(message(z.string().min(2).max(120), "x")).toBe("give at least 2 characters");
    expect(message(z.string().max(3), "abcd")).toBe("give at most 3 characters");
    expect(message(z.number().int().min(0).max(520), 600)).toBe("give a number of at most 520");
    expect(message(z.number(), "two")).toBe("give a number");
    expect(message(z.object({ a: z.string() }), {})).toBe("this is required");
    expect(message(z.enum(["weeks", "days"]), "months")).toBe('choose one of: "weeks", "days"');
    expect(message(z.object({}).strict(), { code: "x" })).toBe('remove "code": not a field here');
  });

  it("leaves a schema's own words alone", () => {
    expect(message(z.string().min(1, "give the wording shown to people"), "")).toBe(
      "give the wording shown to people",
    );
    expect(message(z.iso.date("a date as YYYY-MM-DD"), "15 September")).toBe("a date as YYYY-MM-DD");
  });

  it("never says 'Too small', 'Too big' or 'Invalid input'", () => {
    const cases: [z.ZodType, unknown][] = [
      [z.string().min(5), "a"],
      [z.array(z.string()).min(1), []],
      [z.boolean(), "yes"],
      [z.email(), "nope"],
    ];
    for (const [s, v] of cases) expect(message(s, v)).not.toMatch(/Too small|Too big|Invalid input/);
  });
});
