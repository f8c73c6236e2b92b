import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { US_LADDER } from "../core/access/markings.js";
import { readTelegram } from "../telegram/index.js";
import type { GuidanceContent, GuidanceItem, Mode } from "./content.js";
import { guidanceFromTelegram, readModeLine, slugOf } from "./from-telegram.js";
import { SCENARIO_APPROVAL, SCENARIO_GUIDANCE, SCENARIO_RELEASE } from "./scenario.js";
import { itemLetter, renderGuidance } from "./telegram.js";

const seedBytes = () =>
  fs.readFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../scenario/data/STATE-08-070895.txt"),
  );

/** Render, read with the engine, turn back into content. */
const roundTrip = (c: GuidanceContent) =>
  guidanceFromTelegram(readTelegram(renderGuidance(c, US_LADDER, SCENARIO_APPROVAL, SCENARIO_RELEASE)).model);

const fromText = (text: string) => guidanceFromTelegram(readTelegram(text).model);

const withItems = (items: GuidanceItem[], over: Partial<GuidanceContent> = {}): GuidanceContent => ({
  ...structuredClone(SCENARIO_GUIDANCE),
  items,
  ...over,
});

const item = (over: Partial<GuidanceItem> = {}): GuidanceItem => ({
  agendaItemId: null,
  heading: { text: "MEMBERSHIP", marking: "C" },
  background: { text: "The Partners discussed membership.", marking: "C" },
  blocks: [{ mode: "should", points: [{ text: "Note the discussion.", marking: "U" }] }],
  notes: [],
  ...over,
});

describe("the scenario's guidance, rendered, read by the engine and turned back into content", () => {
  it("is the same content, with nothing unplaced", () => {
    const back = roundTrip(SCENARIO_GUIDANCE);
    expect(back.unplaced).toEqual([]);
    expect(back.content).toEqual(SCENARIO_GUIDANCE);
  });

  it("leaves every item unlinked: the caller links agenda items", () => {
    const linked = withItems(SCENARIO_GUIDANCE.items.map((i, k) => ({ ...i, agendaItemId: k + 1 })));
    expect(roundTrip(linked).content.items.map((i) => i.agendaItemId)).toEqual(Array(8).fill(null));
  });
});

describe("the seed telegram (STATE 070895 as copied, with its noise)", () => {
  const { content, unplaced } = fromText(seedBytes().toString("utf8"));

  it("gives eight items A–H with their headings and markings, F's heading lost", () => {
    expect(content.items.map((i) => [i.heading.text, i.heading.marking])).toEqual([
      ["REINFORCED POINT OF CONTACT MEETING (RPOC)", "C"],
      ["2008 CANBERRA MTCR PLENARY", "SBU"],
      ["TECHNICAL EXPERTS MEETING (TEM)", "SBU"],
      ["INFORMATION EXCHANGE (IE)", "C"],
      ["LICENSING AND ENFORCEMENT EXPERTS MEETING (LEEM)", "C"],
      ["", ""],
      ["MEMBERSHIP", "C"],
      ["NATIONAL ENACTMENT OF CHANGES TO THE MTCR CONTROLS", "C"],
    ]);
  });

  it("names what it could not place: F's heading", () => {
    expect(unplaced).toEqual([{ where: "paragraph 3, item F, heading (lost in the copy)", text: "" }]);
  });

  it("gives each item's modes and every point's marking", () => {
    expect(content.items.map((i) => i.blocks.map((b) => b.mode))).toEqual([
      ["as_appropriate"],
      ["should"],
      ["should"],
      ["should"],
      ["as_necessary_and_appropriate"],
      ["if_raised"],
      ["as_necessary_and_appropriate"],
      ["should"],
    ]);
    expect(content.items.map((i) => i.blocks.flatMap((b) => b.points.map((p) => p.marking)))).toEqual([
      ["SBU", "C"],
      ["SBU", "C", ""], // B's third point lost its end and its marking in the copy
      ["U", "U", "SBU", "U"],
      ["C", "C", "C", "SBU"],
      ["SBU", "SBU"],
      ["SBU", "C", "C"],
      ["C"],
      ["U"],
    ]);
    expect(content.representative).toBe("EMBASSY REP");
    expect(content.slug).toBe("ISN/MTR");
  });

  it("is the scenario's content but for what the copy lost (F's heading, the end of B's third point)", () => {
    const want = structuredClone(SCENARIO_GUIDANCE);
    const f = want.items[5] as GuidanceItem;
    const b = want.items[1] as GuidanceItem;
    f.heading = { text: "", marking: "" };
    const b3 = b.blocks[0]?.points[2] as { text: string; marking: string };
    b3.text = b3.text.replace(/ views in Canberra\.$/, "");
    b3.marking = "";
    expect(content).toEqual(want);
  });
});

describe("instruction blocks", () => {
  const modes: Mode[] = ["should", "as_appropriate", "as_necessary_and_appropriate", "if_raised"];
  it.each(modes)("reads the mode %s back, naming the representative", (mode) => {
    const c = withItems([item({ blocks: [{ mode, points: [{ text: "Say it.", marking: "C" }] }] })], {
      representative: "USDEL",
    });
    const back = roundTrip(c);
    expect(back.content.items[0]?.blocks).toEqual([{ mode, points: [{ text: "Say it.", marking: "C" }] }]);
    expect(back.content.representative).toBe("USDEL");
    expect(back.unplaced).toEqual([]);
  });

  it("keeps several blocks of one item apart, in order, each with its points", () => {
    const blocks = [
      { mode: "should" as const, points: [{ text: "One.", marking: "U" }] },
      {
        mode: "if_raised" as const,
        points: [
          { text: "Two.", marking: "SBU" },
          { text: "Three.", marking: "C" },
        ],
      },
      { mode: "as_appropriate" as const, points: [{ text: "Four.", marking: "S" }] },
      { mode: "should" as const, points: [] },
    ];
    const back = roundTrip(withItems([item({ blocks })]));
    expect(back.content.items[0]?.blocks).toEqual(blocks);
  });

  it("reads the lines a drafter writes for each mode", () => {
    expect(readModeLine("EMBASSY REP SHOULD:")).toEqual({ mode: "should", representative: "EMBASSY REP" });
    expect(readModeLine("AS APPROPRIATE, EMBASSY REP SHOULD:")?.mode).toBe("as_appropriate");
    expect(readModeLine("AS NECESSARY AND APPROPRIATE, USDEL SHOULD:")).toEqual({
      mode: "as_necessary_and_appropriate",
      representative: "USDEL",
    });
    expect(readModeLine("IF RAISED, EMBASSY REP SHOULD MAKE THE FOLLOWING POINTS:")).toEqual({
      mode: "if_raised",
      representative: "EMBASSY REP",
    });
    expect(readModeLine("IF RAISED, USDEL SHOULD:")?.mode).toBe("if_raised");
    expect(readModeLine("As appropriate, Embassy should draw on the following points:")).toEqual({
      mode: "as_appropriate",
      representative: "Embassy",
    });
    expect(readModeLine("The Partners agreed to the following:")).toBeNull();
    expect(readModeLine("EMBASSY REP SHOULD")).toBeNull();
    expect(readModeLine("Embassy REP should seek guidance from Washington.")).toBeNull();
  });
});

describe("background and notes", () => {
  it("reads an item without background as having none", () => {
    const back = roundTrip(withItems([item({ background: null })]));
    expect(back.content.items[0]?.background).toBeNull();
    expect(back.unplaced).toEqual([]);
  });

  it("keeps a background of several paragraphs, marked once", () => {
    const background = { text: "First paragraph.\n\nSecond paragraph.\n\nThird one.", marking: "S" };
    expect(roundTrip(withItems([item({ background })])).content.items[0]?.background).toEqual(background);
  });

  it("keeps notes, each with its marking, after the blocks", () => {
    const notes = [
      { text: "If asked, refer to Washington.", marking: "C" },
      { text: "Do not volunteer this.", marking: "S" },
    ];
    expect(roundTrip(withItems([item({ notes })])).content.items[0]?.notes).toEqual(notes);
  });

  it("reads an item with only a heading", () => {
    const bare = item({ background: null, blocks: [], notes: [] });
    expect(roundTrip(withItems([bare, item()])).content.items).toEqual([bare, item()]);
  });

  it("reads guidance with no opening note and no items", () => {
    const back = roundTrip(withItems([], { openingNote: null, representative: "" }));
    expect(back.content.openingNote).toBeNull();
    expect(back.content.items).toEqual([]);
    expect(back.unplaced).toEqual([]);
  });
});

describe("items past Z", () => {
  it("reads AA, BB … back as items (the engine reads them as text inside Z)", () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      item({ heading: { text: `ITEM NUMBER ${i + 1}`, marking: i % 2 ? "C" : "SBU" } }),
    );
    const back = roundTrip(withItems(items));
    expect(back.unplaced).toEqual([]);
    expect(back.content.items).toEqual(items);
    expect(itemLetter(29)).toBe("DD");
  });

  it("reads 60 items, to HHH", () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      item({
        heading: { text: `HEADING ${i}`, marking: "C" },
        notes: [{ text: `Note ${i}.`, marking: "U" }],
      }),
    );
    expect(roundTrip(withItems(items)).content.items).toEqual(items);
    expect(itemLetter(59)).toBe("HHH");
  });
});

const TELEGRAM = `P R 021202Z JUL 08
FM SECSTATE WASHDC
TO AMEMBASSY PARIS PRIORITY
AMEMBASSY LONDON ROUTINE
INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE

CONFIDENTIAL STATE 070895

NOFORN
PARIS FOR EST:H.SMITH
LONDON FOR POL

E.O. 12958: DECL: 07/08/2033
TAGS: MTCRE PARM
SUBJECT: GUIDANCE FOR THE POC MEETING (C)

REF: A. STATE 633 NOTAL
     B. POC DOC 66
     C. TELCON OF 06-26-08

Classified By: ISN/MTR Director Pam Durham. Reason: 1.4 (B), (D).

1. (U) This is an action request. Embassy Paris please see paragraph 3.

2. (C) Guidance is in paragraph 3.

3. (C) BEGIN GUIDANCE:

A stray sentence before the items.

NOTE: Seek guidance on anything else. END NOTE.

A. (C/NF) MEMBERSHIP

--A point before any instruction line. (C)

(BACKGROUND: No new members. END BACKGROUND.)

EMBASSY REP SHOULD:

--Note the discussion. (C)

NOTE: If asked, refer to Washington. END NOTE.

USDEL SHOULD:

--A point for another representative. (U)

Something the converter has no place for.

B. (C) OUTREACH

(BACKGROUND: Outreach matters. END BACKGROUND.) (SBU)

IF RAISED, EMBASSY REP SHOULD MAKE THE FOLLOWING POINTS:

--Outreach is good. (SBU)

END GUIDANCE.

4. (U) An extra paragraph.

5. (U) Please slug any reporting on this for ISN/MTR.

RICE
`;

describe("a hand-written guidance telegram with things that have no place", () => {
  const { content, unplaced } = fromText(TELEGRAM);

  it("places what it can", () => {
    expect(content.to).toEqual({ name: "AMEMBASSY PARIS", precedence: "PRIORITY" });
    expect(content.attention).toBe("PARIS FOR EST:H.SMITH");
    expect(content.references).toEqual([
      { kind: "telegram", text: "STATE 633 NOTAL", andPrevious: false },
      { kind: "paper", text: "POC DOC 66", andPrevious: false },
      { kind: "other", text: "TELCON OF 06-26-08", andPrevious: false },
    ]);
    expect(content.openingNote).toEqual({ text: "Seek guidance on anything else.", marking: "C" });
    expect(content.slug).toBe("ISN/MTR");
    expect(content.closing.text).toBe("Please slug any reporting on this for ISN/MTR.");
    const a = content.items[0] as GuidanceItem;
    const b = content.items[1] as GuidanceItem;
    expect(a.heading).toEqual({ text: "MEMBERSHIP", marking: "C" });
    // an unmarked text portion takes its sub-paragraph's marking
    expect(a.background).toEqual({ text: "No new members.", marking: "C" });
    expect(a.blocks).toEqual([
      { mode: "should", points: [{ text: "Note the discussion.", marking: "C" }] },
      { mode: "should", points: [{ text: "A point for another representative.", marking: "U" }] },
    ]);
    expect(a.notes).toEqual([{ text: "If asked, refer to Washington.", marking: "C" }]);
    expect(b.background).toEqual({ text: "Outreach matters.", marking: "SBU" });
    expect(b.blocks[0]?.mode).toBe("if_raised");
  });

  it("names each thing it could not place, where it stood", () => {
    expect(unplaced).toEqual(
      expect.arrayContaining([
        { where: "TO", text: "AMEMBASSY LONDON" },
        { where: "passing line", text: "LONDON FOR POL" },
        { where: "captions", text: "NOFORN" },
        { where: "signature", text: "RICE" },
        { where: "paragraph 4", text: "4. (U) An extra paragraph." },
        { where: "paragraph 3", text: "A stray sentence before the items." },
        { where: "paragraph 3, item A, heading, marking", text: "(C/NF)" },
        {
          where: "paragraph 3, item A, before any instruction line",
          text: "--A point before any instruction line. (C)",
        },
        { where: "paragraph 3, item A, representative", text: "USDEL SHOULD:" },
        { where: "paragraph 3, item A", text: "Something the converter has no place for." },
      ]),
    );
    expect(unplaced).toHaveLength(10);
  });
});

describe("markings", () => {
  it("makes every unmarked portion of an unclassified telegram U", () => {
    const text = `R 021202Z JUL 08
FM SECSTATE WASHDC
TO AMEMBASSY PARIS ROUTINE

UNCLAS STATE 070895

E.O. 12958: N/A
TAGS: MTCRE
SUBJECT: GUIDANCE

1. This is an action request. Embassy Paris please see paragraph 3.

2. Guidance is in paragraph 3.

3. BEGIN GUIDANCE:

A. MEMBERSHIP

EMBASSY REP SHOULD:

--Note the discussion.

END GUIDANCE.

4. Please slug any reporting for ISN/MTR.
`;
    const { content, unplaced } = fromText(text);
    expect(unplaced).toEqual([]);
    expect(content.subject.marking).toBe("U");
    expect(content.actionRequest.marking).toBe("U");
    expect(content.items[0]?.heading.marking).toBe("U");
    expect(content.items[0]?.blocks[0]?.points[0]?.marking).toBe("U");
    expect(content.precedence).toEqual({ action: "ROUTINE", info: null });
  });

  it("leaves an unmarked point of a classified telegram unmarked, and lets the opening note take paragraph 3's", () => {
    const c = withItems(
      [item({ blocks: [{ mode: "should", points: [{ text: "Unmarked.", marking: "" }] }] })],
      {
        openingNote: { text: "Seek guidance.", marking: "" },
      },
    );
    const back = roundTrip(c).content;
    expect(back.items[0]?.blocks[0]?.points[0]?.marking).toBe("");
    expect(back.openingNote?.marking).toBe("C");
  });

  it("reads full words and controls as the level's code", () => {
    const text = TELEGRAM.replace("A. (C/NF) MEMBERSHIP", "A. (CONFIDENTIAL) MEMBERSHIP").replace(
      "--Outreach is good. (SBU)",
      "--Outreach is good. (S//REL MTCR)",
    );
    const { content, unplaced } = fromText(text);
    expect(content.items[0]?.heading.marking).toBe("C");
    expect(content.items[1]?.blocks[0]?.points[0]?.marking).toBe("S");
    expect(unplaced).toContainEqual({
      where: "paragraph 3, item B, point 1, marking",
      text: "(S//REL MTCR)",
    });
    expect(unplaced.some((u) => u.where.includes("item A, heading"))).toBe(false);
  });
});

describe("the reporting slug", () => {
  it.each([
    [
      "PLEASE SLUG ANY REPORTING ON THIS OR OTHER MTCR ISSUES FOR ISN/MTR. A word version follows.",
      "ISN/MTR",
    ],
    ["Please slug reporting for EAP/CM.", "EAP/CM"],
    ["Reporting should be slugged for ISN/CATR and T.", "ISN/CATR"],
    ["A word version of this cable will be posted.", ""],
    ["Please send reporting for ISN/MTR.", ""],
  ])("%s → %s", (text, slug) => {
    expect(slugOf(text)).toBe(slug);
  });
});
