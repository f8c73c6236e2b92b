// Public API of the telegram engine: read, check, render and redact diplomatic telegrams.

// The archive, for capabilities that file the telegrams they send (guidance, reports) or read them back.
export { telegrams as archivedTelegrams } from "./archive/schema.js";
export {
  type Outcome as FilingOutcome,
  prepare as prepareTelegram,
  rawOf as rawTelegramBytes,
  storeIn as fileTelegrams,
} from "./archive/store.js";
export { checkTelegram, type Finding } from "./check.js";
export type { Diagnostic, ReadResult, Repair, Severity, SourceFormat } from "./diagnostics.js";
export { formatDtg } from "./dtg.js";
export { ERAS, type Era, type EraName, eraOf, ORDERS } from "./eras.js";
export { GEOGRAPHIC_TAGS, isGeographicTag } from "./geo.js";
export { levelOfClassification, MARKING_LADDER, parseMarking, rank } from "./marking.js";
export * from "./model.js";
export { projectTelegram } from "./projection.js";
export { type ReadOptions, readTelegram } from "./read.js";
export { type Clearance, redactTelegram, withheld } from "./redact.js";
export { renderTelegram } from "./render.js";
export { type SynthOptions, synthTelegrams } from "./synth.js";
