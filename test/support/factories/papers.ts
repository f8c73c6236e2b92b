import { actingAs, type ReaderActing } from "../../../src/core/acting.js";
import { loadReader, userByUsername } from "../../../src/directory/repo.js";
import { visibleMeetings } from "../../../src/meetings/index.js";
import { changePaper } from "../../../src/papers/commands/change-paper.js";
import { circulatePaper, createPaper, type PaperKind, type PaperRow } from "../../../src/papers/index.js";
import { paperRef } from "../../../src/papers/rules.js";
import type { TestContext } from "../context.js";
import { makeUser } from "./directory.js";

/** A person acting now, by the test's clock. */
export async function actingAsUser(t: TestContext, username: string): Promise<ReaderActing> {
  const u = await userByUsername(t.deps.db, username);
  const reader = u ? await loadReader(t.deps.db, u.id, t.clock.now()) : null;
  if (!reader) throw new Error(`no active user ${username} in the test database`);
  return actingAs(reader, t.clock.now());
}

/** The scenario's writers of papers, by government; a government of the test's own gets a delegate of its own. */
const DEMO_WRITERS: Record<string, string> = {
  FR: "fr.poc",
  AU: "au.chair",
  US: "us.delegate",
  GB: "gb.delegate",
  DE: "de.delegate",
};
const writers = new WeakMap<TestContext, Map<string, string>>();

async function writerOf(t: TestContext, government: string): Promise<string> {
  const demo = DEMO_WRITERS[government];
  if (demo) return demo;
  const made = writers.get(t) ?? new Map<string, string>();
  writers.set(t, made);
  const known = made.get(government);
  if (known) return known;
  const username = await makeUser(t, { government, roles: ["delegate"], regimeClearance: "RC" });
  made.set(government, username);
  return username;
}

/** A meeting by id, or by uid as the one acting sees it. */
export async function meetingIdOf(
  t: TestContext,
  who: ReaderActing,
  meeting: number | string,
): Promise<number> {
  if (typeof meeting === "number") return meeting;
  const found = (await visibleMeetings(t.deps.db, who.reader)).find((m) => m.uid === meeting);
  if (!found) throw new Error(`no meeting ${meeting} that ${who.reader.username} may see`);
  return found.id;
}

export interface PaperOverrides {
  /** Where it stands: a draft of its government, submitted (the default), circulated by the Point of Contact, or withdrawn. */
  status?: "draft" | "submitted" | "circulated" | "withdrawn";
  kind?: PaperKind;
  title?: string;
  summary?: string;
  /** Its portions' markings (RR unless given); one section per marking in `sections`. */
  markings?: { title?: string; summary?: string; sections?: string[] };
  /** Whose paper it is: one of that government's writers submits it (default US). */
  government?: string;
  /** Who submits it, instead of the government's writer. */
  by?: string;
  /** The meeting it is for, by id or by uid. */
  meeting?: number | string;
  countryOfOrigin?: string | null;
  agendaItem?: string | null;
}

let papersMade = 0;

/** A paper as the factory makes it: its row as it stands, and how addresses name it (`39`, `draft-12`). */
export type MadePaper = PaperRow & { ref: string };

/** A paper of the test's own, built through the register's commands; returns its row as it stands. */
export async function makePaper(t: TestContext, o: PaperOverrides = {}): Promise<MadePaper> {
  papersMade++;
  const who = await actingAsUser(t, o.by ?? (await writerOf(t, o.government ?? "US")));
  const meetingId = o.meeting === undefined ? null : await meetingIdOf(t, who, o.meeting);
  const m = o.markings ?? {};
  const status = o.status ?? "submitted";
  const db = t.deps.db;
  let paper = await db.transaction((tx) =>
    createPaper(tx, who, {
      kind: o.kind ?? "ie_paper",
      title: { text: o.title ?? `Test paper ${process.pid}-${papersMade}`, marking: m.title ?? "RR" },
      summary: { text: o.summary ?? "A summary of one line.", marking: m.summary ?? "RR" },
      sections: (m.sections ?? []).map((marking, i) => ({
        heading: null,
        text: `Section ${i + 1}.`,
        marking,
      })),
      countryOfOrigin: o.countryOfOrigin === undefined ? "Testland" : o.countryOfOrigin,
      meetingId,
      agendaItem: o.agendaItem ?? null,
      submit: status !== "draft",
    }),
  );
  if (status === "circulated") {
    const poc = await actingAsUser(t, "fr.poc");
    paper = await db.transaction((tx) => circulatePaper(tx, poc, { id: paper.id }));
  }
  if (status === "withdrawn") {
    paper = await db.transaction((tx) =>
      changePaper(tx, who, { id: paper.id }, { status: "withdrawn", reason: "withdrawn by the test" }),
    );
  }
  return { ...paper, ref: paperRef(paper) };
}
