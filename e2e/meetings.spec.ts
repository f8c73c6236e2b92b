import { expect, type Page, test } from "@playwright/test";

async function signIn(page: Page, username: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
}

test("the Point of Contact schedules a meeting; a delegate sees its deadlines and subscribes to the calendar", async ({
  page,
}) => {
  await signIn(page, "fr.poc");
  await page.getByRole("link", { name: "Meetings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meetings of 2008");
  await page.getByLabel("Kind").selectOption({ label: "Technical Experts Meeting" });
  await page.getByLabel("Title (optional)").fill("2009 Vienna TEM");
  await page.getByLabel("Host government (code)").fill("AT");
  await page.getByLabel("City").fill("Vienna");
  await page.getByLabel("Time zone").fill("Europe/Vienna");
  await page.getByLabel("First day").fill("2009-03-10");
  await page.getByLabel("Last day").fill("2009-03-12");
  await page.getByLabel("Status").selectOption({ label: "confirmed" });
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("status")).toHaveText("Meeting scheduled.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2009 Vienna TEM");
  const meetingPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, "us.delegate");
  // The Canberra deadlines are on the home page.
  await expect(page.getByRole("link", { name: "TEM proposals for the 2008 Canberra TEM" })).toBeVisible();
  await page.goto(meetingPath);
  const deadlines = page.getByRole("table", { name: /Deadlines/ });
  await expect(deadlines).toContainText("TEM proposals");
  // Eight weeks before 10 March 2009, midnight in Vienna.
  await expect(deadlines).toContainText("00:00 Tue 13 Jan 2009 (UTC+1) Vienna time");
  await expect(page.getByRole("link", { name: "Add to calendar (.ics)" })).toBeVisible();

  await page.getByRole("link", { name: "Meetings", exact: true }).click();
  await page.getByRole("link", { name: "Subscribe to your calendar" }).click();
  const url = await page.getByLabel("Calendar address").inputValue();
  expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  const text = await feed.text();
  expect(text).toContain("SUMMARY:2009 Vienna TEM");
  expect(text).toContain("DTSTART;VALUE=DATE:20090310");
  expect(text).toContain("DTSTART:20090112T230000Z");
  expect(text).toContain("UID:mtcr-2008-canberra-plenary@plenary");
});

test("the year's timeline draws the meetings and today's line", async ({ page }) => {
  await signIn(page, "gb.delegate");
  await page.goto("/meetings/timeline?year=2008");
  const svg = page.getByRole("img", { name: /Meetings and deadlines of 2008/ });
  await expect(svg).toBeVisible();
  await expect(page.locator("svg .bar")).toHaveCount(7);
  await expect(page.locator("svg .today text")).toContainText("today 2008-07-02");
});
