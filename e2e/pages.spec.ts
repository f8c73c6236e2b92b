import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type Response, test } from "@playwright/test";

// Every demo user's pages, as a browser shows them: styled (the stylesheet and scripts load and
// a styled element has its computed style), and without a WCAG 2.2 A/AA violation axe can find.

const USERS = [
  "fr.poc",
  "au.chair",
  "us.delegate",
  "us.desk",
  "us.director",
  "gb.delegate",
  "de.delegate",
  "kz.candidate",
  "admin",
] as const;

/** Records beyond the navigation's lists, opened when the user may see them. */
const RECORDS = [
  "/papers/39",
  "/papers/39/edit",
  "/papers/66",
  "/meetings/5",
  "/meetings/timeline",
  "/deadline-rules",
  "/deadline-rules/1",
  "/calls/1",
  "/telegrams/1",
  "/decisions/2",
  "/decisions/3",
  "/decisions/new",
  "/candidacies/1",
  "/outreach/1",
  "/outreach/2",
  "/outreach/new",
  "/outreach/2/report",
  "/outreach/report?year=2008",
  "/guidance/1",
  "/guidance/1/telegram",
  "/guidance/1/report",
  "/guidance/2/edit",
  "/guidance/2/items/0",
  "/guidance/2/items/new",
  "/guidance/2/compare",
  "/guidance/new",
  "/guidance/queue",
  "/account/tokens",
];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
}

/** Opens a page and fails unless every stylesheet and script it asks for answers 200. */
async function open(page: Page, path: string, site = true): Promise<Response | null> {
  const assets: { url: string; status: number }[] = [];
  const failed: string[] = [];
  const onResponse = (r: Response) => {
    const type = r.request().resourceType();
    if (type === "stylesheet" || type === "script") assets.push({ url: r.url(), status: r.status() });
  };
  const onFailed = (r: { url(): string }) => failed.push(r.url());
  page.on("response", onResponse);
  page.on("requestfailed", onFailed);
  const res = await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  page.off("requestfailed", onFailed);
  expect(failed, `${path}: requests that failed`).toEqual([]);
  expect(
    assets.filter((a) => a.status !== 200 && a.status !== 304),
    `${path}: assets that did not load`,
  ).toEqual([]);
  expect(!site || assets.some((a) => a.url.endsWith("/static/plenary.css")), `${path}: the stylesheet`).toBe(
    true,
  );
  return res;
}

/** The design system's styles are applied: the header is drawn, the text is not the browser's serif. */
async function expectStyled(page: Page, path: string): Promise<void> {
  await expect(page.locator(".govuk-header"), `${path}: header colour`).toHaveCSS(
    "background-color",
    "rgb(29, 112, 184)",
  );
  await expect(page.locator("body"), `${path}: typeface`).toHaveCSS("font-family", /^system-ui/);
  await expect(page.locator("h1").first(), `${path}: heading weight`).toHaveCSS("font-weight", "700");
  await expect(page.locator("body"), `${path}: the design system's script ran`).toHaveClass(
    /govuk-frontend-supported/,
  );
}

async function expectAccessible(page: Page, path: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `${path}: accessibility violations`).toEqual([]);
}

test("the sign-in page is styled and accessible", async ({ page }) => {
  await open(page, "/sign-in");
  await expectAccessible(page, "/sign-in");
  await expect(page.locator("body")).toHaveCSS("font-family", /^system-ui/);
  await expect(page.getByLabel("Username")).toHaveCSS("border-top-width", "2px");
});

for (const user of USERS) {
  test(`${user}: every page of the navigation and the records they may open are styled and accessible`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, user);
    const nav = await page
      .locator(".govuk-service-navigation__link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const paths = [...nav.filter((h) => h !== "/api/docs"), "/search?q=Canberra", ...RECORDS];
    for (const path of new Set(paths)) {
      const res = await open(page, path);
      // A record this user may not see, or a form (a paper's edit page) that is not theirs.
      if (res?.status() === 404 || res?.status() === 403) continue;
      expect(res?.status(), path).toBe(200);
      await expectStyled(page, path);
      await expectAccessible(page, path);
    }
  });
}

test("the API reference shows the operations of the API", async ({ page }) => {
  await signIn(page, "us.delegate");
  await open(page, "/api/docs", false);
  await expect(page.getByRole("heading", { name: /Plenary API/ })).toBeVisible();
  await expect(page.locator(".opblock").first()).toBeVisible();
  expect(await page.locator(".opblock").count()).toBeGreaterThan(20);
});

const MAIN = [
  "/",
  "/papers",
  "/papers/39",
  "/meetings",
  "/meetings/5",
  "/meetings/timeline",
  "/outreach",
  "/search?q=Canberra",
];

for (const [name, width] of [
  ["phone", 390],
  ["desktop", 1280],
] as const) {
  test(`screenshots of the main pages at ${name} width are kept`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "us.delegate");
    for (const path of MAIN) {
      await open(page, path);
      const file = info.outputPath(`${name}${path.replace(/[^a-z0-9]+/gi, "-")}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await info.attach(`${name} ${path}`, { path: file, contentType: "image/png" });
      // Nothing wider than the screen: a phone scrolls down, not sideways.
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - window.innerWidth",
      );
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}

test("a paper, a meeting and the timeline print without the site's navigation, with their banners", async ({
  page,
}) => {
  await signIn(page, "us.delegate");
  await page.emulateMedia({ media: "print" });
  for (const path of ["/papers/39", "/meetings/5", "/meetings/timeline"]) {
    await open(page, path);
    await expect(page.locator(".govuk-service-navigation"), path).toBeHidden();
    await expect(page.locator(".govuk-header"), path).toBeHidden();
    await expect(page.locator("main"), path).toBeVisible();
  }
  await open(page, "/papers/39");
  await expect(page.locator(".plenary-banner")).toHaveCount(2);
  await expect(page.locator(".plenary-banner").first()).toBeVisible();
});
