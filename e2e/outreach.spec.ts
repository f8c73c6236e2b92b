import { expect, type Page, test } from "@playwright/test";

const CAVEAT = "A visit does not imply acceptance of the host as a Partner.";

async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the Chair records a visit and files its report; a delegate reads it with the caveat", async ({
  page,
}) => {
  await signIn(page, "au.chair");
  await page.getByRole("link", { name: "Outreach", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outreach visits, 2008");
  await expect(page.getByText(CAVEAT).first()).toBeVisible();
  await page.getByRole("link", { name: "Record a visit" }).click();
  const form = page.getByRole("form", { name: "Record an outreach visit" });
  await form.getByLabel("Host government").selectOption({ label: "Israel" });
  await form.getByLabel("Place (city)").fill("Jerusalem");
  await form.getByLabel("First day").fill("2008-06-23");
  await form.getByLabel("Last day").fill("2008-06-22");
  await form
    .getByLabel("Host authorities met")
    .fill("Ministry of Foreign Affairs\nMinistry of Defense, export control agency");
  await form.getByLabel("The delegation").fill("The MTCR Chair\nA member of the Chair's office");
  await form
    .getByLabel("Talking points")
    .fill("(PUBLIC) The regime's Guidelines and Annex.\nAn unmarked point.");
  await form.getByRole("button", { name: "Record the visit" }).click();
  // Refused, each problem named beside its field, everything typed kept.
  await expect(page.getByRole("alert")).toContainText(
    "Last day: the last day (2008-06-22) is before the first day",
  );
  await expect(page.getByRole("alert")).toContainText("Talking points:");
  await expect(page.getByLabel("Place (city)")).toHaveValue("Jerusalem");
  await page.getByLabel("Last day").fill("2008-06-24");
  await page
    .getByLabel("Talking points")
    .fill("(PUBLIC) The regime's Guidelines and Annex.\n(RR) Transit controls.");
  await page.getByRole("button", { name: "Record the visit" }).click();
  await expect(page.getByText("The visit is recorded.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Israel, 23–24 June 2008");
  const visitUrl = page.url().replace(/\?.*$/, "");
  await page.getByRole("link", { name: "File the report" }).click();
  await page
    .getByRole("textbox", { name: "Report" })
    .fill("The host described its export control law.\n\n(RC) A frank exchange on transit.");
  await page.getByRole("button", { name: "File the report" }).click();
  await expect(
    page.getByText("The report is filed and circulated as a paper of the register."),
  ).toBeVisible();
  const paper = page.getByRole("link", { name: /^POC DOC \d+$/ });
  const label = (await paper.textContent())?.trim() ?? "";

  await signIn(page, "gb.delegate");
  await page.goto("/outreach");
  await expect(page.getByRole("img", { name: /Outreach visits in 2008/ })).toBeVisible();
  await page.locator("#outreach-map-list").getByRole("link", { name: "Israel" }).click();
  expect(page.url()).toBe(visitUrl);
  await expect(page.getByText(CAVEAT)).toBeVisible();
  await expect(page.getByText("Transit controls.")).toBeVisible();
  await page.getByRole("link", { name: label }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Report of the Chair's outreach visit to Israel",
  );
  await expect(page.getByText(CAVEAT).first()).toBeVisible();
  await page.goto("/outreach/report?year=2008");
  await expect(page.getByRole("heading", { name: /Israel, Jerusalem/ })).toBeVisible();
});
