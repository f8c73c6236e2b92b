import type { z } from "@hono/zod-openapi";
import type { Reader } from "../core/access/reader.js";
import { actingAs } from "../core/acting.js";
import type { Queryable } from "../core/db/index.js";
import { notFound } from "../core/errors.js";
import { proposalFor } from "../decisions/index.js";
import { deadlineFor, meetingTitles } from "../meetings/index.js";
import type { DiffOut, NodeOut, SetOut, VersionOut } from "./contract.js";
import { diffVersions } from "./diff.js";
import { categoryOf, depthOf, kindOf, parentNumber, parseNumber } from "./numbering.js";
import {
  type AmendmentSetRow,
  amendmentSetFor,
  changesOf,
  entryCounts,
  type VersionRow,
  versionMadeBy,
  versionNodes,
  visibleVersion,
  visibleVersions,
} from "./queries.js";
import type { AnnexNode, EntryText } from "./tree.js";

export type VersionView = z.input<typeof VersionOut>;
export type NodeView = z.input<typeof NodeOut>;
export type SetView = z.input<typeof SetOut>;
export type DiffView = z.input<typeof DiffOut>;

const entryText = (n: EntryText | null) =>
  n ? { text: n.text, notes: [...n.notes], technicalNotes: [...n.technicalNotes] } : null;

export async function presentVersions(
  db: Queryable,
  reader: Reader,
  rows: VersionRow[],
): Promise<VersionView[]> {
  const all = await visibleVersions(db, reader);
  const labels = new Map(all.map((v) => [v.id, v.label]));
  const counts = await entryCounts(
    db,
    rows.map((r) => r.id),
  );
  const sets = await Promise.all(
    rows.map(async (r) =>
      r.amendmentSetId ? await amendmentSetFor(db, actingAs(reader, new Date()), r.amendmentSetId) : null,
    ),
  );
  return rows.map((r, i) => ({
    id: r.id,
    label: r.label,
    asOf: r.asOf,
    basedOn:
      r.basedOnId && labels.has(r.basedOnId)
        ? { id: r.basedOnId, label: labels.get(r.basedOnId) ?? "" }
        : null,
    amendmentSet: sets[i] ? { id: sets[i].id, title: sets[i].title } : null,
    entries: counts.get(r.id) ?? 0,
  }));
}

export async function shownVersion(db: Queryable, reader: Reader, id: number): Promise<VersionView> {
  const row = await visibleVersion(db, reader, id);
  if (!row) throw notFound("version of the Annex");
  const [view] = await presentVersions(db, reader, [row]);
  if (!view) throw notFound("version of the Annex");
  return view;
}

export function presentNode(n: AnnexNode): NodeView {
  const parsed = parseNumber(n.number);
  return {
    number: n.number,
    text: n.text,
    notes: [...n.notes],
    technicalNotes: [...n.technicalNotes],
    kind: kindOf(parsed),
    category: categoryOf(parsed.item),
    parent: parentNumber(n.number),
    depth: depthOf(n.number),
  };
}

export async function shownTree(db: Queryable, reader: Reader, id: number) {
  const version = await shownVersion(db, reader, id);
  return { version, nodes: (await versionNodes(db, id)).map(presentNode) };
}

/** The difference between two versions the reader sees, as the API returns it and the page shows it. */
export async function shownDiff(
  db: Queryable,
  reader: Reader,
  fromId: number,
  toId: number,
): Promise<DiffView> {
  const from = await shownVersion(db, reader, fromId);
  const to = await shownVersion(db, reader, toId);
  const d = diffVersions(await versionNodes(db, fromId), await versionNodes(db, toId));
  return {
    from,
    to,
    added: d.added,
    deleted: d.deleted,
    changed: d.changed,
    unchanged: d.unchanged,
    entries: d.entries.map((e) => ({
      number: e.number,
      kind: e.kind,
      before: entryText(e.before),
      after: entryText(e.after),
      fields: e.fields,
    })),
  };
}

/** The proposal that decided a set, if the reader may see it; its title withheld above them. */
async function decisionOf(db: Queryable, reader: Reader, id: number | null): Promise<SetView["decision"]> {
  if (id === null) return null;
  const p = await proposalFor(db, actingAs(reader, new Date()), id);
  if (!p) return null;
  return { id: p.id, title: p.titleRank <= reader.regimeClearance ? p.title : null, state: p.state };
}

/** A set as the reader sees it: its meeting, its deadline, the version it made, its changes. */
export async function presentSet(
  db: Queryable,
  reader: Reader,
  row: AmendmentSetRow,
  opts: { changes?: boolean } = {},
): Promise<SetView> {
  const titles = await meetingTitles(
    db,
    reader,
    [row.meetingId, row.updatesMeetingId].filter((x): x is number => x !== null),
  );
  const made = await versionMadeBy(db, row.id);
  const due = row.updatesMeetingId
    ? await deadlineFor(db, reader, {
        documentKind: "enactment_update",
        meetingId: row.updatesMeetingId,
        governmentCode: reader.government.code,
      })
    : null;
  return {
    id: row.id,
    title: row.title,
    adoptedOn: row.adoptedOn,
    meeting:
      row.meetingId && titles.has(row.meetingId)
        ? { id: row.meetingId, title: titles.get(row.meetingId) ?? "" }
        : null,
    updatesBy: row.updatesMeetingId
      ? { meetingId: row.updatesMeetingId, dueAt: due ? due.dueAt.toISOString() : null }
      : null,
    note: row.note,
    appliedAs: made ? { id: made.id, label: made.label } : null,
    decision: await decisionOf(db, reader, row.proposalId),
    changes:
      opts.changes === false
        ? []
        : (await changesOf(db, row.id)).map((c) => ({
            op: c.op,
            number: c.number,
            before: entryText(c.before),
            after: entryText(c.after),
          })),
  };
}

export async function shownSet(db: Queryable, reader: Reader, id: number): Promise<SetView> {
  const row = await amendmentSetFor(db, actingAs(reader, new Date()), id);
  if (!row) throw notFound("amendment set");
  return presentSet(db, reader, row);
}
