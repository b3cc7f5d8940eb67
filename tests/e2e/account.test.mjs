// The account page: create an account, sign out, sign in again (a wrong password is told in the
// envelope's words), download my data, delete the account.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoObjectText, openBrowser, PHONE, screenshotter, startServer } from "./harness.mjs";
import { waitingFor } from "./pending.mjs";

test("account: sign up, sign out, sign in, export and delete at 360 px",
  { timeout: 180000, skip: waitingFor("auth") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, context } = await openBrowser(t, { viewport: PHONE, mobile: true });
    const shot = screenshotter("account");
    const email = `parent-${Date.now()}@example.com`;
    const password = "a long walk in the woods";

    await page.goto(`${baseUrl}/account`);
    await page.getByLabel("Email").nth(1).fill(email);
    await page.getByLabel("Password").nth(1).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("account-email").waitFor();
    assert.equal(await page.getByTestId("account-email").innerText(), email);
    await shot(page, "signed-up");

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.getByLabel("Email").first().fill(email);
    await page.getByLabel("Password").first().fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("error-message").first().waitFor();
    await assertNoObjectText(assert, page);
    await shot(page, "wrong-password");
    await page.getByLabel("Password").first().fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("account-email").waitFor();

    const exported = await context.request.get(`${baseUrl}/api/me/export`);
    assert.equal(exported.status(), 200);
    assert.ok(JSON.stringify(await exported.json()).includes(email), "the export names the account");

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(`${baseUrl}/`);
    const me = await context.request.get(`${baseUrl}/api/me`);
    assert.equal(me.status(), 401, "the session is gone with the account");
  });
