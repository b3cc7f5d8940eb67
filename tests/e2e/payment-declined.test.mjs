// A declined payment: the parent is told, nothing is unlocked, and they can try again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoObjectText, openBrowser, screenshotter, startServer, unexpected } from "./harness.mjs";
import { bookPages, bookViaApi, demoProvider, startCheckout, submitCheckout } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

test("checkout: a declined payment unlocks nothing and says so",
  { timeout: 400000, skip: waitingFor("themes", "auth", "photos", "books", "checkout", "download") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, context, problems } = await openBrowser(t);
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

    // The decline is a signed webhook processed as a job: the book goes back to its preview.
    let book;
    for (const until = Date.now() + 15000; Date.now() < until;) {
      book = await (await context.request.get(`${baseUrl}/api/books/${id}`)).json();
      if (book.status === "preview_ready") break;
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.equal(book.status, "preview_ready", "the book is back to its preview after the decline");
    const { orders } = await (await context.request.get(`${baseUrl}/api/orders`)).json();
    assert.equal(orders[0].status, "payment_failed");
    const pages = await bookPages(context, baseUrl, id);
    assert.deepEqual(pages.filter((p) => p.locked).map((p) => p.number), [6, 7, 8, 9, 10], "locked pages stay locked");
    const dl = await context.request.get(`${baseUrl}/api/books/${id}/download?format=pdf`, { maxRedirects: 0 });
    assert.ok([402, 403, 404, 409].includes(dl.status()), `no download after a decline, got ${dl.status()}`);

    // Trying again starts from what the parent typed and reaches the payment page once more.
    assert.equal(await page.getByLabel("Your email").inputValue(), "parent@example.com", "the email is kept for the retry");
    await submitCheckout(page);
    await page.getByRole("button", { name: /pay/i }).first().waitFor();
    await shot(page, "demo-provider-again");
    assert.deepEqual(unexpected(problems), [], "no errors in the browser console");
  });
