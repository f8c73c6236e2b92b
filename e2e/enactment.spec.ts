import { expect, type Page, test } from "@playwright/test";

async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function report(page: Page, status: string, instrument: string, effective: string): Promise<void> {
  await page.getByRole("link", { name: "Enactment", exact: true }).click();
  await page.getByRole("link", { name: "Report your government's enactment" }).click();
  await page.getByLabel("Status").selectOption({ label: status });
  await page.getByLabel("National instrument").fill(instrument);
  await page.getByLabel("Effective date").fill(effective);
  await page.getByLabel("Source", { exact: true }).selectOption({ label: "A telegram (its reference)" });
  await page.getByLabel("Source reference").fill("STATE 070895");
  await page.getByRole("button", { name: "Report" }).click();
  await expect(page.getByText("Your report is recorded.")).toBeVisible();
}

/** "Athens 2007: 3 of 34 Partners enacted or not applicable" → 3. */
async function completeCount(page: Page): Promise<number> {
  const text =
    (await page
      .getByRole("listitem")
      .filter({ hasText: "Partners enacted or not applicable" })
      .first()
      .textContent()) ?? "";
  const m = /(\d+) of (\d+) Partners enacted/.exec(text);
  if (!m) throw new Error(`no completeness in "${text}"`);
  return Number(m[1]);
}

test("the US delegate reports the US enactment and the Point of Contact sees the matrix one cell more complete, and exports it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Before the telegram's report, the US row stood in progress.
  await signIn(page, "us.delegate");
  await report(page, "In progress", "Commerce Control List", "");
  await signIn(page, "fr.poc");
  await page.goto("/enactment");
  const before = await completeCount(page);
  await expect(page.locator("#partner-US")).toContainText("In progress");

  await signIn(page, "us.delegate");
  // A bad date is refused beside its field, and what was typed is kept.
  await page.getByRole("link", { name: "Enactment", exact: true }).click();
  await page.getByRole("link", { name: "Report your government's enactment" }).click();
  await page.getByLabel("Status").selectOption({ label: "Enacted" });
  await page.getByLabel("National instrument").fill("Commerce Control List");
  await page.getByLabel("Effective date").fill("2007-06-16");
  await page.getByRole("button", { name: "Report" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("before Athens 2007 was adopted");
  await expect(page.getByLabel("National instrument")).toHaveValue("Commerce Control List");
  await report(page, "Enacted", "Commerce Control List", "2008-06-16");
  await expect(page.locator("#partner-US")).toContainText("effective 2008-06-16");

  await signIn(page, "fr.poc");
  await page.goto("/enactment");
  expect(await completeCount(page)).toBe(before + 1);
  await expect(page.locator("#partner-US")).toContainText("Enacted");
  await expect(page.locator("svg.heatmap")).toBeVisible();
  await page.screenshot({ path: "test-results/enactment-matrix.png", fullPage: true });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the matrix (.xlsx)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("POC-DOC-39-matrix-2008-07-02.xlsx");

  await page.goto("/annex/diff");
  await expect(page.locator("ins.diff-ins").first()).toBeVisible();
  await page.screenshot({ path: "test-results/annex-diff.png", fullPage: true });
  await page.goto("/annex");
  await page.screenshot({ path: "test-results/annex-tree.png" });
});
