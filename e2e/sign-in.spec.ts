import { expect, test } from "@playwright/test";

test("a delegate signs in, sees the home page, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Username").fill("us.delegate");
  await page.getByLabel("Password").fill("plenary-demo");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, H. Smith");
  await expect(page.getByText("United States (a Partner)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next meetings and deadlines" })).toBeVisible();
  await expect(page.getByText("The clock reads 2008-07-02")).toBeVisible();

  await page.getByRole("link", { name: "Directory" }).click();
  await expect(page.getByRole("cell", { name: "Pam Durham" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password is refused with a message, and the keyboard reaches the form", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.getByLabel("Username").fill("us.delegate");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert")).toContainText("do not match an active account");
});
