import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";

// The register keeps its data while the clock moves: the same data folder, served once in
// September and again in October, after the IE papers' deadline (5 October, Canberra time).
const data = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-e2e-papers-"));
const PORT = Number(process.env.E2E_PAPERS_PORT ?? 8767);

function serve(now: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    env: { ...process.env, PLENARY_DATA: data, PORT: String(PORT), PLENARY_NOW: now, LOG_LEVEL: "warn" },
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const on = (d: Buffer) => {
      out += d;
      if (out.includes("Press Ctrl+C to stop.")) resolve(child);
    };
    child.stdout?.on("data", on);
    child.stderr?.on("data", on);
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    child.removeAllListeners("exit");
    child.on("exit", () => r());
    child.kill("SIGTERM");
  });
}

async function submitIePaper(page: Page, title: string): Promise<void> {
  const base = `http://127.0.0.1:${PORT}`;
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Username").fill("us.delegate");
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Papers", exact: true }).click();
  await page.getByLabel("Kind").selectOption({ label: "IE paper" });
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Country of origin (shown on the title page)").fill("United States");
  await page.getByLabel("Summary (at most 10 lines)").fill("Procurement patterns seen in 2008.");
  await page.getByLabel("Meeting").selectOption({ label: "2008 Canberra IE" });
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("a delegate submits an IE paper before and after its deadline and sees the second marked late", async ({
  page,
}) => {
  test.setTimeout(120_000);
  let server = await serve("2008-09-15T09:00Z");
  try {
    await submitIePaper(page, "Procurement networks, early");
    await expect(page.locator("#late")).toHaveCount(0);
    await expect(page.getByText("Due")).toBeVisible();
  } finally {
    await stop(server);
  }
  server = await serve("2008-10-07T13:00Z");
  try {
    await submitIePaper(page, "Procurement networks, late");
    await expect(page.locator("#late")).toHaveText("· submitted 2 days late");
    await page.getByRole("link", { name: "Papers", exact: true }).click();
    const rows = page.getByRole("row");
    await expect(rows.filter({ hasText: "Procurement networks, late" })).toContainText("2 days late");
    await expect(rows.filter({ hasText: "Procurement networks, early" })).not.toContainText("late");
  } finally {
    await stop(server);
    fs.rmSync(data, { recursive: true, force: true });
  }
});
