import { expect, type Locator, type Page, test } from "@playwright/test";

// Sign in, find a paper, submit one: with the keyboard alone, every step visibly focused.

/** Presses Tab until `target` has the focus (and fails if it never does). */
async function tabTo(page: Page, target: Locator, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** The focused element is drawn with the design system's yellow focus colour. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const drawn = await target.evaluate((el) => {
    const s = el.ownerDocument.defaultView?.getComputedStyle(el);
    return s ? `${s.backgroundColor} ${s.outlineColor} ${s.boxShadow}` : "";
  });
  expect(drawn).toContain("rgb(255, 221, 0)");
}

test("a delegate signs in, finds a paper and submits one with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await tabTo(page, page.getByLabel("Username"));
  await page.keyboard.type("us.delegate");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("plenary-demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, H. Smith");

  // Find a paper: through the navigation to the register, then to the paper.
  const papers = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Papers", exact: true });
  await tabTo(page, papers);
  await expectVisibleFocus(papers);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Papers");
  const matrix = page.getByRole("link", { name: "POC DOC 39" });
  await tabTo(page, matrix);
  await expectVisibleFocus(matrix);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Matrix of Partner implementation");
  await expect(page.locator(".plenary-banner").first()).toHaveText(/REGIME RESTRICTED/);

  // Submit one: a refusal first, whose summary takes the focus and links to the field.
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Papers", exact: true }),
  );
  await page.keyboard.press("Enter");
  const submit = page.getByRole("button", { name: "Submit", exact: true });
  await tabTo(page, submit, 120);
  await page.keyboard.press("Enter");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const toTitle = summary.getByRole("link").first();
  await page.keyboard.press("Tab");
  await expect(toTitle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();

  await page.keyboard.type("Keyboard-only proposal on UAV range");
  await tabTo(page, page.getByLabel("Country of origin (shown on the title page)"));
  await page.keyboard.type("United States");
  await tabTo(page, page.getByLabel("Summary (at most 10 lines)"));
  await page.keyboard.type("A proposal typed without a mouse.");
  await tabTo(page, submit, 40);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Submitted to the Point of Contact.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keyboard-only proposal on UAV range");
});
