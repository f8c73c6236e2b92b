import { expect, type Page, test } from "@playwright/test";

async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the desk drafts guidance, the director approves and releases it, the delegate reports and the desk sees the report", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "us.desk");
  await page.getByRole("link", { name: "Guidance", exact: true }).click();
  await page.getByRole("link", { name: "Start guidance for a meeting" }).click();
  await page.getByLabel("Meeting").selectOption({ label: "POC meeting, 8 July 2008 (2008-07-08)" });
  await page.getByRole("button", { name: "Start the draft" }).click();
  await expect(page.getByText("The draft is saved.")).toBeVisible();
  const guidanceUrl = page.url().replace(/\?.*$/, "");

  await page.getByRole("link", { name: "Edit the addressing and paragraphs" }).click();
  await page
    .getByLabel("Subject", { exact: true })
    .fill("MTCR: FURTHER GUIDANCE ON MEMBERSHIP FOR THE JULY 8 POC MEETING");
  for (const label of [
    "Subject marking",
    "Marking of paragraph 1",
    "Marking of paragraph 2",
    "Marking of the last paragraph",
  ])
    await page.getByLabel(label).selectOption("C");
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByText("A new version is saved.")).toBeVisible();

  await page.getByRole("link", { name: "Add an item" }).click();
  await page.getByLabel("Agenda item").selectOption({ label: "7. Membership" });
  await page.getByLabel("Heading", { exact: true }).fill("MEMBERSHIP");
  await page.getByLabel("Heading marking").selectOption("C");
  await page.getByLabel("Background", { exact: true }).fill("");
  await page
    .getByRole("group", { name: "Instruction block 1" })
    .getByLabel("Points")
    .fill("(C) Note that U.S. views on membership have not changed since the 2007 Athens Plenary.");
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByText("A new version is saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /A\. \(C\) MEMBERSHIP/ })).toBeVisible();

  await signIn(page, "us.director");
  await page.goto(guidanceUrl);
  const approve = page.getByRole("form", { name: "Approve" });
  await approve.getByLabel("Your title on the Classified By line").fill("ISN/MTR Director");
  await approve.getByRole("button", { name: /^Approve version/ }).click();
  await expect(page.getByText("The guidance is approved.")).toBeVisible();
  await page
    .getByRole("form", { name: "Release" })
    .getByRole("button", { name: "Release as a telegram" })
    .click();
  await expect(page.getByText("The guidance is released as a telegram")).toBeVisible();
  await expect(page.locator(".govuk-caption-l")).toContainText(/STATE \d{6}/);
  await page.getByRole("link", { name: "Read it as the telegram released" }).click();
  await expect(page.locator("pre.telegram")).toContainText("CLASSIFIED BY: ISN/MTR DIRECTOR PAM DURHAM", {
    ignoreCase: true,
  });

  await signIn(page, "us.delegate");
  await page.getByRole("link", { name: "Guidance", exact: true }).click();
  await page.getByRole("link", { name: /FURTHER GUIDANCE ON MEMBERSHIP/ }).click();
  await page.getByRole("link", { name: "Report on the meeting" }).click();
  await page.getByLabel("Summary", { exact: true }).fill("Partners examined the pending candidacies.");
  await page.getByLabel("What was said").first().fill("Several Partners asked for more time.");
  await page.getByLabel("The outcome").first().fill("No candidate was admitted.");
  const request = page.getByRole("group", { name: "Request for guidance 1" });
  await request
    .getByLabel("The point raised that the guidance does not cover")
    .fill("May we support a briefing of candidates?");
  await request.getByLabel("Needed by: day (YYYY-MM-DD)").fill("2008-07-08");
  await page.getByRole("button", { name: "File the report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("POC meeting, 8 July 2008: report");
  await expect(page.getByText("Several Partners asked for more time.")).toBeVisible();

  await signIn(page, "us.desk");
  const queue = page.getByRole("region", { name: "Your office's queue" });
  await expect(queue).toContainText("May we support a briefing of candidates?");
  await expect(queue).toContainText(/Report 08PARIS\d+, slugged for/);
});

test("another government's people find no guidance: not the Point of Contact, not the Chair", async ({
  page,
}) => {
  for (const user of ["fr.poc", "au.chair"]) {
    await signIn(page, user);
    const res = await page.goto("/guidance/1");
    expect(res?.status()).toBe(404);
  }
  // The Chair is a delegate: the list is Australia's, and empty.
  await page.goto("/guidance");
  await expect(page.getByText("No guidance.")).toBeVisible();
});
