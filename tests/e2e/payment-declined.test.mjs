// A declined payment: the parent is told, nothing is unlocked, and they can try again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoObjectText, openBrowser, screenshotter, startServer } from "./harness.mjs";
import { bookPages, bookViaApi, demoProvider, startCheckout, submitCheckout } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

test("checkout: a declined payment unlocks nothing and says so",
  { timeout: 400000, skip: waitingFor("themes", "auth", "photos", "books", "checkout", "download") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, context } = await openBrowser(t);
    const shot = screenshotter("payment-declined");
    const id = await bookViaApi(context, baseUrl);

    await page.goto(`${baseUrl}/books/${id}`);
    await page.getByTestId("book-page").waitFor();
    await startCheckout(page);
    await submitCheckout(page);
    await shot(page, "demo-provider");
    await demoProvider(page, "decline");
    await page.getByTestId("payment-declined").or(page.getByText(/didn't go through/)).first().waitFor({ timeout: 60000 });
    await shot(page, "declined");
    await assertNoObjectText(assert, page);

    const book = await (await context.request.get(`${baseUrl}/api/books/${id}`)).json();
    assert.ok(["preview_ready", "payment_pending"].includes(book.status), `book stays unpaid, is ${book.status}`);
    const pages = await bookPages(context, baseUrl, id);
    assert.ok(pages.some((p) => p.locked), "locked pages stay locked");
    const dl = await context.request.get(`${baseUrl}/api/books/${id}/download?format=pdf`, { maxRedirects: 0 });
    assert.ok([402, 403, 404, 409].includes(dl.status()), `no download after a decline, got ${dl.status()}`);
  });
