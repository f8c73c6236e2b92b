// For random guidance content c (drafters' text: sentences, uppercase headings, points on one
// line, every portion marked): guidanceFromTelegram(readTelegram(renderGuidance(c)).model)
// gives back c, with nothing unplaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { US_LADDER } from "../core/access/markings.js";
import { checkTelegram, readTelegram } from "../telegram/index.js";
import { type GuidanceContent, type GuidanceItem, MODES, type Portion } from "./content.js";
import { guidanceFromTelegram } from "./from-telegram.js";
import { SCENARIO_APPROVAL, SCENARIO_RELEASE } from "./scenario.js";
import { renderGuidance } from "./telegram.js";

const WORDS = (
  "the Partners agreed to discuss membership outreach at Plenary meeting and national controls " +
  "export licensing U.S. supports this initiative would like advise that Commerce Control List has been " +
  "amended reflect changes Annex in Canberra Athens Paris technical experts (TEM) (LEEM) papers " +
  "circulate four weeks advance of presentations should note, urge, encourage; Regime's 2008 30 " +
  "support hosting transparency dialogue with non-members visits host country"
).split(" ");
const UPPER =
  "MEMBERSHIP OUTREACH PLENARY TECHNICAL EXPERTS MEETING (TEM) INFORMATION EXCHANGE (IE) NATIONAL ENACTMENT OF CHANGES TO THE MTCR CONTROLS 2008 CANBERRA".split(
    " ",
  );
const MARKINGS = ["U", "SBU", "C", "S", "TS"];

const words = (from: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...from), { minLength: min, maxLength: max });
const sentence = words(WORDS, 3, 14).map((ws) => {
  const s = ws.join(" ").replace(/[,;]$/, "");
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
});
const sentences = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(" "));
const heading = words(UPPER, 1, 6).map((ws) => ws.join(" "));
const marking = fc.constantFrom(...MARKINGS);
const portion = (text: fc.Arbitrary<string>): fc.Arbitrary<Portion> => fc.record({ text, marking });

const reference = fc.oneof(
  fc.record({
    kind: fc.constant("telegram" as const),
    text: fc
      .tuple(
        fc.constantFrom("STATE", "PARIS", "CANBERRA", "USUN NEW YORK"),
        fc.integer({ min: 1, max: 999999 }),
      )
      .map(([s, n]) => `${s} ${n}`),
    andPrevious: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("email" as const),
    text: fc.constantFrom("SMITH-DURHAM E MAIL OF 06-26-08", "JONES EMAIL OF 07-01-08"),
    andPrevious: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("paper" as const),
    text: fc.integer({ min: 1, max: 400 }).map((n) => `POC DOC ${n}`),
    andPrevious: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("other" as const),
    text: fc.constantFrom("TELCON OF 06-26-08", "PARIS MEMCON OF 07-01-08", "APRIL 2008 RPOC RECORD"),
    andPrevious: fc.boolean(),
  }),
);

const item: fc.Arbitrary<GuidanceItem> = fc.record({
  agendaItemId: fc.constant(null),
  heading: portion(heading),
  background: fc.option(
    portion(fc.array(sentences, { minLength: 1, maxLength: 3 }).map((ps) => ps.join("\n\n"))),
    { nil: null },
  ),
  blocks: fc.array(
    fc.record({
      mode: fc.constantFrom(...MODES),
      points: fc.array(portion(sentences), { maxLength: 4 }),
    }),
    { maxLength: 3 },
  ),
  notes: fc.array(portion(sentences), { maxLength: 2 }),
});

const content: fc.Arbitrary<GuidanceContent> = fc
  .record({
    action: fc.constantFrom("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE" as const),
    info: fc.subarray(["MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE", "AMEMBASSY LONDON"]),
    to: fc.constantFrom("AMEMBASSY PARIS", "USMISSION GENEVA", "AMEMBASSY CANBERRA"),
    toPrecedence: fc.constantFrom("IMMEDIATE", "PRIORITY", "ROUTINE" as const),
    attention: fc.option(fc.constantFrom("PARIS FOR EST:H.SMITH", "FOR USDEL"), { nil: null }),
    tags: fc.subarray(["MTCRE", "PARM", "MNUC", "KSCA", "TSPA", "ETTC", "FR"], { minLength: 1 }),
    subject: portion(heading),
    references: fc.array(reference, { maxLength: 5 }),
    actionRequest: portion(sentences),
    purpose: portion(sentences),
    openingNote: fc.option(portion(sentences), { nil: null }),
    representative: fc.constantFrom("EMBASSY REP", "USDEL", "MISSION REP", "EMBASSY"),
    items: fc.array(item, { maxLength: 32, size: "max" }),
    slug: fc.constantFrom("", "ISN/MTR", "EAP/CM", "ISN/CATR"),
    closing: portion(sentences),
  })
  .map((r) => {
    const hasBlocks = r.items.some((i) => i.blocks.length > 0);
    return {
      precedence: { action: r.action, info: r.info.length ? "ROUTINE" : null },
      from: "SECSTATE WASHDC",
      station: "STATE",
      to: { name: r.to, precedence: r.toPrecedence },
      info: r.info,
      attention: r.attention,
      tags: r.tags,
      subject: r.subject,
      references: r.references,
      actionRequest: r.actionRequest,
      purpose: r.purpose,
      openingNote: r.openingNote,
      // a representative is named only by the lines that open blocks
      representative: hasBlocks ? r.representative : "",
      items: r.items,
      slug: r.slug,
      closing: {
        text: r.slug ? `PLEASE SLUG ANY REPORTING ON THIS FOR ${r.slug}. ${r.closing.text}` : r.closing.text,
        marking: r.closing.marking,
      },
    };
  });

describe("guidance content → telegram → engine → content", () => {
  it("gives back the content, with nothing unplaced", () => {
    fc.assert(
      fc.property(content, (c) => {
        const text = renderGuidance(c, US_LADDER, SCENARIO_APPROVAL, SCENARIO_RELEASE);
        const read = readTelegram(text);
        expect(read.repairs).toEqual([]);
        const back = guidanceFromTelegram(read.model);
        expect(back.unplaced).toEqual([]);
        expect(back.content).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it("renders a telegram the checker finds no error in", () => {
    fc.assert(
      fc.property(content, (c) => {
        const model = readTelegram(renderGuidance(c, US_LADDER, SCENARIO_APPROVAL, SCENARIO_RELEASE)).model;
        expect(checkTelegram(model).filter((f) => f.severity === "error")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
