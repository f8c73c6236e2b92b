import type { ErrorTable } from "../core/errors.js";

export const PAPERS_ERRORS = {
  "paper.duplicate": 409,
  "paper.withdrawn": 409,
  "paper.status": 409,
  "paper.already_circulated": 409,
  "paper.not_submitted": 409,
  "paper.not_editable": 409,
} as const satisfies ErrorTable;

type PapersErrors = typeof PAPERS_ERRORS;
declare module "../core/errors.js" {
  interface ErrorCodes extends PapersErrors {}
}
