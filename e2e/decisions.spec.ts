import { expect, type Page, test } from "@playwright/test";

/** The second server of playwright.config.ts, whose clock stands at 8 July 2008. */
const LATER_PORT = Number(process.env.E2E_PORT ?? 8765) + 1;

async function signIn(page: Page, username: string, base = ""): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

const LEEM_AGENDA = "Adopt the draft agenda of the Canberra LEEM";

test("the UK delegate objects to a silence procedure before its deadline, and it shows broken", async ({
  page,
}) => {
  await signIn(page, "gb.delegate");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(LEEM_AGENDA) }).click();
  await expect(page.getByText("Under silence procedure").first()).toBeVisible();
  await expect(page.getByText(/left$/).first()).toBeVisible();
  const form = page.getByRole("form", { name: "State my government's position" });
  await form.getByLabel("Position").selectOption({ label: "Objects" });
  await form.getByLabel("Reason").fill("The agenda leaves no time for the enforcement case studies.");
  await form.getByRole("button", { name: "State the position" }).click();
  await expect(page.getByText("Your government's position is recorded.")).toBeVisible();
  await expect(page.getByText("Silence broken").first()).toBeVisible();
  const row = page.locator("#partner-GB");
  await expect(row).toContainText("Objects");
  await expect(row).toContainText("gb.delegate");
  // Nobody states a position after the close.
  await expect(page.getByRole("form", { name: "State my government's position" })).toHaveCount(0);
  await signIn(page, "de.delegate");
  await page.goto("/decisions?state=broken");
  await expect(page.getByRole("link", { name: new RegExp(LEEM_AGENDA) })).toBeVisible();
});

test("with the clock past its deadline, another silence procedure shows adopted and its record of decision is a paper", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const later = `http://127.0.0.1:${LATER_PORT}`;
  await signIn(page, "us.delegate", later);
  await page.goto(`${later}/decisions`);
  const row = page.getByRole("row").filter({ hasText: LEEM_AGENDA });
  // The job closes it within a pass of the server's start.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Adopted");
  }).toPass({ timeout: 30_000 });
  const record = row.getByRole("link", { name: /^POC DOC \d+$/ });
  await record.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Record of decision: ${LEEM_AGENDA}`);
  await expect(page.getByText("Adopted by silence procedure").first()).toBeVisible();
  await page.goto(`${later}/papers`);
  await expect(page.getByRole("row").filter({ hasText: `Record of decision: ${LEEM_AGENDA}` })).toContainText(
    "circulated",
  );
});
