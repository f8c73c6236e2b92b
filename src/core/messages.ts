/**
 * What a person is told when a field is wrong and its schema gave no words of its own: plain
 * sentences ("write at least 2 characters"), not a library's ("Too small: expected string to have
 * >=2 characters"). Pure; installed once for every schema by `errors.ts`.
 */
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const things: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a set of fields",
  date: "a date",
};

function sizeOf(origin: unknown, n: number): string {
  if (origin === "string") return `${n} character${n === 1 ? "" : "s"}`;
  if (origin === "array" || origin === "set") return `${n} item${n === 1 ? "" : "s"}`;
  return String(n);
}

/** The plain message for an issue, or undefined to keep the library's. */
export function plainMessage(iss: Issue): string | undefined {
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return "this is required";
      return `give ${things[String(iss.expected)] ?? String(iss.expected)}`;
    case "too_small": {
      const n = Number(iss.minimum);
      if (iss.origin === "string" && n === 1) return "this is required: write something";
      if (iss.origin === "array" && n === 1) return "give at least one";
      if (iss.origin === "string" || iss.origin === "array") return `give at least ${sizeOf(iss.origin, n)}`;
      return `give a number of at least ${n}${iss.inclusive === false ? " (exclusive)" : ""}`;
    }
    case "too_big": {
      const n = Number(iss.maximum);
      if (iss.origin === "string" || iss.origin === "array") return `give at most ${sizeOf(iss.origin, n)}`;
      return `give a number of at most ${n}`;
    }
    case "invalid_value":
      return `choose one of: ${iss.values.map((v: unknown) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `remove ${iss.keys.map((k: string) => `"${k}"`).join(", ")}: not a field here`;
    case "invalid_format":
      return `not in the expected form (${iss.format})`;
    default:
      return undefined;
  }
}

export function installPlainMessages(): void {
  z.config({ customError: plainMessage });
}
