// The whole journey on a desktop: landing → child → photo (face box) → adventure → live progress
// (surviving a reload) → preview (page turning, locked pages) → demo checkout → confirmation →
// downloaded PDF (a real PDF with the right number of pages) → library with the order → delete.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoObjectText, DESKTOP, unexpected, openBrowser, screenshotter, startServer } from "./harness.mjs";
import { assertWholeBook, bookPages, chooseAdventureAndStart, choosePhoto, demoProvider, downloadPdf, fillChild, GENERATION_TIMEOUT, startCheckout, submitCheckout, waitForPreview } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

test("journey: photo upload to downloaded PDF on a desktop",
  { timeout: 600000, skip: waitingFor("themes", "auth", "photos", "books", "checkout", "download") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, problems } = await openBrowser(t, { viewport: DESKTOP });
    const shot = screenshotter("journey-desktop");

    await page.goto(baseUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator(".theme-card").first().waitFor();
    await shot(page, "landing");

    await page.getByRole("link", { name: "Create your book" }).click();
    await fillChild(page, { name: "Emma", age: "6", pronouns: "She / her", companion: "Biscuit", colour: "green" });
    assert.equal(await choosePhoto(page, "astronaut.png"), "accepted");
    const box = await page.getByTestId("face-box").boundingBox();
    const frame = await page.getByTestId("photo-frame").boundingBox();
    assert.ok(box && frame && box.width > 5 && box.x >= frame.x && box.x + box.width <= frame.x + frame.width + 1, "face box drawn inside the photo");
    await shot(page, "photo-accepted");

    const id = await chooseAdventureAndStart(page, shot);
    await shot(page, "generating");
    // Pages appear as they are made: the first page's picture is shown while later pages still
    // wait (the workers finish pages one by one, so this holds on any machine).
    await page.locator('[data-testid="page-made"] img').first().waitFor({ timeout: GENERATION_TIMEOUT });
    assert.ok(await page.getByTestId("page-waiting").count() > 0, "a finished page is shown before the book is done");
    await shot(page, "generating-first-page");
    // Live progress: the step in words from the events stream, and again after a reload (the
    // book may finish first on a fast machine; then the preview is what the reload shows).
    const STEP = /Writing .+ story|Illustrating page \d+ of \d+|Putting .+ into the pictures|Putting the preview together/;
    const stepOrPreview = page.locator('[data-transport="stream"] [data-testid="current-step"]').or(page.getByTestId("book-page"));
    await stepOrPreview.first().waitFor();
    if (await page.getByTestId("current-step").isVisible()) {
      await page.getByTestId("current-step").filter({ hasText: STEP }).or(page.getByTestId("book-page")).first().waitFor();
      await page.reload();
      await page.getByTestId("current-step").filter({ hasText: STEP }).or(page.getByTestId("book-page")).first().waitFor();
      await shot(page, "generating-after-reload");
    }
    await waitForPreview(page, id);
    await shot(page, "preview");

    const first = await page.getByTestId("book-page").getAttribute("data-page");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((p) => document.querySelector("[data-testid=book-page]")?.getAttribute("data-page") !== p, first);
    const pageList = await bookPages(page.context(), baseUrl, id);
    const open = pageList.filter((p) => !p.locked && p.image_url);
    const locked = pageList.filter((p) => p.locked);
    assert.deepEqual(open.map((p) => p.number), [1, 2, 3, 4, 5], "pages 1-5 are previewed");
    assert.deepEqual(locked.map((p) => p.number), [6, 7, 8, 9, 10], "pages 6-10 are locked");
    for (const p of open) {
      const img = await page.context().request.get(new URL(p.image_url, baseUrl).toString());
      assert.ok(img.ok() && /^image\//.test(img.headers()["content-type"] ?? ""), `preview page ${p.number} answers an image`);
    }
    assert.equal(await page.locator(".thumbs-strip img").count(), 5, "five pictures in the thumbnails");
    await page.getByRole("button", { name: /locked/ }).first().click();
    await page.getByTestId("locked-page").waitFor();
    assert.equal(await page.locator("[data-testid=book-page] img").count(), 0, "a locked page shows no image");
    await shot(page, "preview-locked-page");

    await startCheckout(page);
    await shot(page, "checkout");
    await submitCheckout(page);
    await shot(page, "demo-provider");
    await demoProvider(page, "pay");
    await page.waitForURL(new RegExp(`/books/${id}(/confirmation)?`), { timeout: 60000 });
    await page.getByTestId("download-pdf").waitFor({ timeout: GENERATION_TIMEOUT });
    await shot(page, "confirmation");
    const pdf = await downloadPdf(page);
    const { count, storyPages } = await assertWholeBook(assert, page.context(), baseUrl, id, pdf);
    assert.equal(storyPages, pageList.length, "the same pages as in the preview");
    t.diagnostic(`the PDF has ${count} pages for ${storyPages} story pages`);

    await page.goto(`${baseUrl}/library`);
    await page.getByTestId("library-book").first().waitFor();
    await page.getByTestId("order-row").first().waitFor();
    assert.equal(await page.getByTestId("library-book").first().getAttribute("data-status"), "ready");
    assert.match(await page.getByTestId("order-row").first().innerText(), /Digital book[\s\S]*Delivered/);
    await shot(page, "library");
    await assertNoObjectText(assert, page);

    // Deleting the book from the library removes it for good.
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("library-book").getByRole("button", { name: "Delete" }).click();
    await page.getByText("No books yet").waitFor();
    assert.equal((await page.context().request.get(`${baseUrl}/api/books/${id}`)).status(), 404, "the deleted book is gone");
    assert.deepEqual(unexpected(problems), []);
  });
