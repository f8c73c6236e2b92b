/**
 * What must hold after a crash: every acknowledged write is there whole, nothing is half-written,
 * and the audit chain verifies. Read in one repeatable-read snapshot.
 */
import { sql } from "drizzle-orm";
import { verifyAudit } from "../../src/core/audit/verify.js";
import { type Db, rowsOf } from "../../src/core/db/index.js";

/** A paper as the register names it: its POC DOC number, or a draft by its id. */
const label = (p: { id: number; number: number | null }): string =>
  p.number === null ? `draft ${p.id}` : `POC DOC ${p.number}`;

export interface Acknowledged {
  id: number;
  number: number | null;
  title: string;
  status: string;
  portions: number;
}

export interface CheckResult {
  ok: boolean;
  papers: number;
  acknowledged: number;
  auditEntries: number;
  problems: string[];
}

interface PaperState {
  id: number;
  number: number | null;
  status: string;
  title: string | null;
  portions: number;
  versions: number;
  audited: number;
}

export async function checkDurability(db: Db, acked: Acknowledged[]): Promise<CheckResult> {
  return db.transaction(
    async (tx) => {
      const problems: string[] = [];
      const papers = await rowsOf<PaperState>(
        tx,
        sql`SELECT p.id, p.number, p.status, o.title, coalesce(o.n, 0)::int AS portions,
                   coalesce(v.n, 0)::int AS versions, coalesce(a.n, 0)::int AS audited
              FROM papers p
              LEFT JOIN (SELECT paper_id, count(*) AS n, max(body) FILTER (WHERE part = 'title') AS title
                           FROM paper_portions GROUP BY paper_id) o ON o.paper_id = p.id
              LEFT JOIN (SELECT paper_id, count(*) AS n FROM paper_versions GROUP BY paper_id) v ON v.paper_id = p.id
              LEFT JOIN (SELECT target_id, count(*) AS n FROM audit_log
                          WHERE target_kind = 'paper' AND action IN ('paper.create', 'paper.submit')
                          GROUP BY target_id) a
                ON a.target_id = p.number::text OR a.target_id = 'draft-' || p.id
             ORDER BY p.id`,
      );
      const byId = new Map(papers.map((p) => [p.id, p]));
      for (const a of acked) {
        const p = byId.get(a.id);
        if (!p) problems.push(`acknowledged paper ${a.id} (${label(a)}) is missing`);
        else if (
          p.number !== a.number ||
          p.title !== a.title ||
          p.status !== a.status ||
          p.portions !== a.portions
        ) {
          problems.push(
            `acknowledged paper ${a.id} differs: ${label(p)} "${p.title}" ${p.status} with ${p.portions} portions, acknowledged as ${label(a)} "${a.title}" ${a.status} with ${a.portions}`,
          );
        }
      }
      for (const p of papers) {
        if (p.title === null || p.portions < 2)
          problems.push(`${label(p)} has ${p.portions} portions (no title or summary)`);
        if (p.versions < 1) problems.push(`${label(p)} has no version`);
        if (p.title?.startsWith("Crash trial ") && p.audited !== 1)
          problems.push(`${label(p)} has ${p.audited} creation entries in the audit log`);
      }
      const [counter] = await rowsOf<{ last: number | null; max: number | null }>(
        tx,
        sql`SELECT (SELECT max(last) FROM paper_counters) AS last, (SELECT max(number) FROM papers) AS max`,
      );
      if (counter && counter.last !== counter.max) {
        problems.push(
          `the register's counter stands at ${counter.last} but the highest paper is POC DOC ${counter.max}`,
        );
      }
      const orphans = await rowsOf<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM audit_log a
             WHERE a.target_kind = 'paper' AND a.action IN ('paper.create', 'paper.submit')
               AND NOT EXISTS (SELECT 1 FROM papers p
                                WHERE p.number::text = a.target_id OR 'draft-' || p.id = a.target_id)`,
      );
      if ((orphans[0]?.n ?? 0) > 0)
        problems.push(`${orphans[0]?.n} audit entries name a paper that is not there`);
      const loose = await rowsOf<{ n: number }>(
        tx,
        sql`SELECT (SELECT count(*)::int FROM paper_portions o WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = o.paper_id))
                 + (SELECT count(*)::int FROM paper_versions v WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = v.paper_id)) AS n`,
      );
      if ((loose[0]?.n ?? 0) > 0) problems.push(`${loose[0]?.n} portions or versions belong to no paper`);
      const audit = await verifyAudit(tx);
      if (!audit.ok) problems.push(`audit log broken at entry ${audit.broken?.seq}: ${audit.broken?.reason}`);
      return {
        ok: problems.length === 0,
        papers: papers.length,
        acknowledged: acked.length,
        auditEntries: audit.checked,
        problems,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
