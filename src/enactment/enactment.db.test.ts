import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../../test/support/context.js";
import { auditCount } from "../core/audit/append.js";
import { rowsOf } from "../core/db/index.js";
import { enactmentReports } from "./schema.js";

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
});
afterAll(() => t.close());

interface CellJson {
  status: string;
  late: boolean;
  overdue: boolean;
  report: {
    instrument: string | null;
    effectiveOn: string | null;
    reporter: string | null;
    source: string | null;
  } | null;
}
interface MatrixJson {
  whole: boolean;
  sets: { id: number; title: string; dueAt: string | null }[];
  rows: { code: string; cells: (CellJson | null)[]; complete: number; expected: number }[];
  totals: { expected: number; reported: number; complete: number; overdue: number }[];
}

async function matrix(user: string): Promise<MatrixJson> {
  const res = await (await t.as(user)).get("/enactment/matrix");
  expect(res.status).toBe(200);
  return res.json();
}
const cellOf = (m: MatrixJson, code: string) => m.rows.find((r) => r.code === code)?.cells[0];

describe("the scenario's matrix, as of 2 July 2008", () => {
  it("has the US row enacted through the Commerce Control List, effective 16 June 2008", async () => {
    const m = await matrix("fr.poc");
    expect(m.whole).toBe(true);
    expect(m.sets.map((s) => s.title)).toEqual(["Athens 2007"]);
    expect(cellOf(m, "US")).toMatchObject({
      status: "enacted",
      report: {
        instrument: expect.stringContaining("Commerce Control List"),
        effectiveOn: "2008-06-16",
        source: "STATE 070895",
      },
    });
    expect(cellOf(m, "DE")?.status).toBe("in_progress");
    // 34 Partners on the Athens Plenary's last day; India was admitted in 2016.
    expect(m.totals[0]).toMatchObject({ expected: 34, reported: 4, complete: 3 });
    expect(m.rows.map((r) => r.code)).not.toContain("IN");
    expect(m.rows.map((r) => r.code)).not.toContain("KZ");
    // The Canberra matrix's "updates by June" deadline has passed: the unreported are overdue.
    expect(m.sets[0]?.dueAt?.slice(0, 10)).toBe("2008-06-30");
    expect(cellOf(m, "JP")).toMatchObject({ status: "not_reported", overdue: true });
  });

  it("shows other Partners what is reported and their own row, not who has not reported", async () => {
    const m = await matrix("gb.delegate");
    expect(m.whole).toBe(false);
    expect(m.rows.map((r) => r.code).sort()).toEqual(["AU", "DE", "GB", "US"]);
    const fr = await matrix("de.delegate");
    expect(fr.rows.map((r) => r.code)).not.toContain("JP");
    expect((await (await t.as("kz.candidate")).get("/enactment/matrix")).status).toBe(404);
    expect((await (await t.as("kz.candidate")).get("/enactment/export?format=csv")).status).toBe(404);
  });
});

describe("reporting", () => {
  it("records a Partner's own report, late after the deadline, replacing the last and keeping it", async () => {
    const before = await matrix("fr.poc");
    const setId = before.sets[0]?.id;
    const us = await t.as("us.delegate");
    const r = await us.post("/enactment/reports", {
      setId,
      governmentCode: "US",
      status: "enacted",
      instrument: "Commerce Control List",
      effectiveOn: "2008-06-16",
      sourceKind: "paper",
      sourceRef: "39",
    });
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({
      late: true,
      source: "POC DOC 39",
      reporter: "H. Smith (us.delegate)",
    });
    const history = await (await (await t.as("gb.delegate")).get(`/enactment/reports/${setId}/US`)).json();
    expect(history.reports).toHaveLength(2);
    expect(history.reports[0].replacedAt).toBeNull();
    expect(history.reports[1].replacedAt).not.toBeNull();
    // Nobody but the Point of Contact sees the history of a row not reported.
    expect((await (await t.as("gb.delegate")).get(`/enactment/reports/${setId}/JP`)).status).toBe(404);
    expect((await (await t.as("fr.poc")).get(`/enactment/reports/${setId}/JP`)).status).toBe(200);
  });

  it("completes one cell more when a Partner reports", async () => {
    const before = await matrix("fr.poc");
    const r = await (await t.as("fr.poc")).post("/enactment/reports", {
      setId: before.sets[0]?.id,
      governmentCode: "FR",
      status: "enacted",
      instrument: "Arrêté du 2 juillet 2008",
      effectiveOn: "2008-07-01",
    });
    expect(r.status).toBe(201);
    const after = await matrix("fr.poc");
    expect(after.totals[0]?.complete).toBe((before.totals[0]?.complete ?? 0) + 1);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const setId = (await matrix("fr.poc")).sets[0]?.id;
    const count = async () => (await t.deps.db.select().from(enactmentReports)).length;
    const audit = await auditCount(t.deps.db);
    const rows = await count();
    const gb = await t.as("gb.delegate");
    const cases: [unknown, number, string][] = [
      [
        { setId, governmentCode: "GB", status: "enacted", instrument: "Order", effectiveOn: "2007-01-01" },
        400,
        "effectiveOn",
      ],
      [{ setId, governmentCode: "GB", status: "done" }, 400, "status"],
      [{ setId, governmentCode: "GB", status: "enacted" }, 400, "instrument"],
      [
        { setId, governmentCode: "GB", status: "in_progress", sourceKind: "link", sourceRef: "nowhere" },
        400,
        "sourceRef",
      ],
    ];
    for (const [body, status, field] of cases) {
      const res = await gb.post("/enactment/reports", body);
      expect(res.status).toBe(status);
      const err = (await res.json()).error;
      expect(err.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const other = await gb.post("/enactment/reports", { setId, governmentCode: "US", status: "in_progress" });
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toContain("reports its own enactment");
    const candidate = await (await t.as("kz.candidate")).post("/enactment/reports", {
      setId,
      governmentCode: "KZ",
      status: "in_progress",
    });
    expect(candidate.status).toBe(404);
    const admin = await (await t.as("admin")).post("/enactment/reports", {
      setId,
      governmentCode: "FR",
      status: "in_progress",
    });
    expect(admin.status).toBe(403);
    expect(await count()).toBe(rows);
    // Nothing is written but the three refusals' own entries (403, 404, 403), each in the refused
    // reader's space.
    expect(await auditCount(t.deps.db)).toBe(audit + 3);
    const refusals = await rowsOf<{ action: string; space: string }>(
      t.deps.db,
      sql`select action, space from audit_log order by seq desc limit 3`,
    );
    expect(refusals.reverse()).toEqual([
      { action: "access.denied", space: "GB" },
      { action: "access.not_found", space: "KZ" },
      { action: "access.denied", space: "FR" },
    ]);
    const unique = await t.deps.db
      .select()
      .from(enactmentReports)
      .where(and(eq(enactmentReports.governmentCode, "GB")));
    expect(unique).toHaveLength(1);
  });
});

describe("exports", () => {
  it("writes the workbook: frozen headers, statuses as text and colour, a sheet per set with its changes", async () => {
    const res = await (await t.as("fr.poc")).get("/enactment/export?format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Matrix");
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 1 });
    expect(ws?.getRow(3).getCell(2).value).toBe("Athens 2007 (adopted 2007-11-09)");
    const us = ws?.getRows(4, 40)?.find((r) => r.getCell(1).value === "United States");
    expect(String(us?.getCell(2).value)).toMatch(/^Enacted; Commerce Control List.*effective 2008-06-16/);
    expect(us?.getCell(2).fill).toMatchObject({ type: "pattern", fgColor: { argb: "FF1D70B8" } });
    const japan = ws?.getRows(4, 40)?.find((r) => r.getCell(1).value === "Japan");
    expect(String(japan?.getCell(2).value)).toBe("Not reported; overdue");
    const sheet = wb.worksheets[1];
    expect(sheet?.name).toBe("1 Athens 2007");
    expect(sheet?.getRow(1).values).toEqual([undefined, "Change", "Entry", "Text before", "Text after"]);
    expect(sheet?.rowCount).toBe(6);
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((f) => fs.existsSync(f));
  it.skipIf(!soffice)("opens in LibreOffice, converted headless to CSV", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-xlsx-"));
    const res = await (await t.as("fr.poc")).get("/enactment/export?format=xlsx");
    fs.writeFileSync(path.join(dir, "m.xlsx"), Buffer.from(await res.arrayBuffer()));
    execFileSync(
      soffice ?? "soffice",
      ["--headless", "--convert-to", "csv", "--outdir", dir, path.join(dir, "m.xlsx")],
      {
        timeout: 60_000,
      },
    );
    const csv = fs.readFileSync(path.join(dir, "m.csv"), "utf8");
    expect(csv).toContain("United States");
    expect(csv).toContain("Commerce Control List");
  });

  it("writes CSV, one line per Partner and set", async () => {
    const res = await (await t.as("fr.poc")).get("/enactment/export?format=csv");
    const text = await res.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "partner,code,amendment_set,adopted_on,status,instrument,effective_on,reported_by,reported_at,source,late,overdue",
    );
    expect(lines).toHaveLength(35);
    expect(lines.find((l) => l.startsWith("United States,US"))).toContain(",enacted,");
  });

  it("issues the matrix as a new version of POC DOC 39 with the workbook attached (Point of Contact only)", async () => {
    const paper = async () => (await (await t.as("fr.poc")).get("/papers/39")).json();
    const before = await paper();
    const res = await (await t.as("fr.poc")).post("/enactment/issue");
    expect(res.status).toBe(201);
    const issued = await res.json();
    expect(issued).toMatchObject({
      paper: 39,
      version: before.version + 1,
      file: "POC-DOC-39-matrix-2008-07-02.xlsx",
    });
    expect((await (await t.as("us.delegate")).post("/enactment/issue")).status).toBe(403);
  });
});
