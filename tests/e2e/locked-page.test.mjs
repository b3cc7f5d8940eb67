// Pages 6-10 of an unpaid book are not reachable: the viewer shows a padlock and no image, the
// pages API gives no URL, an open page's signature opens no other file of the book (every key of
// the documented blob layout is tried, signed and unsigned), and the download is refused.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { openBrowser, screenshotter, startServer, unexpected } from "./harness.mjs";
import { bookPages, bookViaApi, GENERATION_TIMEOUT } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

const urlOf = (p) => p.image_url ?? p.preview_url ?? p.url ?? p.image?.url;

test("preview: a locked page is not reachable by any URL; a preview page is redrawn",
  { timeout: 400000, skip: waitingFor("themes", "auth", "photos", "books") },
  async (t) => {
    const { baseUrl, dataDir } = await startServer(t);
    const { page, context, problems } = await openBrowser(t);
    const shot = screenshotter("locked-page");
    const id = await bookViaApi(context, baseUrl);

    const pages = await bookPages(context, baseUrl, id);
    const locked = pages.filter((p) => p.locked);
    const open = pages.filter((p) => !p.locked && urlOf(p));
    assert.deepEqual(open.map((p) => p.number), [1, 2, 3, 4, 5], "pages 1-5 have a preview link");
    assert.deepEqual(locked.map((p) => p.number), [6, 7, 8, 9, 10], "pages 6-10 are locked");
    for (const p of locked) assert.equal(JSON.stringify(p).match(/https?:|\/files\//), null, `locked page ${p.number} carries no URL`);

    // An open page's signed link works; the same signature on any other key of this book does not.
    // The keys are the documented blob layout (docs/books.md), so every guess names a real file.
    const link = new URL(urlOf(open[open.length - 1]), baseUrl);
    assert.equal((await context.request.get(link.toString())).status(), 200, "the preview link itself answers");
    const m = link.pathname.match(/^(\/files\/books\/[^/]+\/)pages\/(\d+)-g(\d+)-preview\.png$/);
    assert.ok(m, `preview links follow the documented layout, got ${link.pathname}`);
    const [, bookDir, digits, g] = m;
    const guesses = [`${bookDir}preview-g0.pdf`, `${bookDir}book.pdf`];
    for (const p of locked) {
      const nn = String(p.number).padStart(digits.length, "0");
      guesses.push(...["base", "personal", "preview"].map((k) => `${bookDir}pages/${nn}-g${g}-${k}.png`), `${bookDir}final/${nn}-g${g}.png`);
    }
    if (dataDir) {
      // The guesses are not made up: the locked pages' pictures are on the server's disk.
      const stored = readdirSync(dataDir, { recursive: true }).map(String);
      const missing = guesses.filter((g) => /-(base|personal)\.png$/.test(g) && !stored.some((f) => f.endsWith(g.slice("/files/".length))));
      assert.deepEqual(missing, [], "the locked pages' base and personalized pictures exist under these keys");
    }
    for (const path of guesses) {
      for (const search of [link.search, ""]) {
        const res = await context.request.get(`${baseUrl}${path}${search}`);
        assert.ok(!res.ok(), `${path}${search ? " with the preview's signature" : " unsigned"} answered ${res.status()}`);
      }
    }
    const dl = await context.request.get(`${baseUrl}/api/books/${id}/download?format=pdf`, { maxRedirects: 0 });
    assert.ok(!dl.ok() && dl.status() !== 302, `download before payment answered ${dl.status()}`);

    await page.goto(`${baseUrl}/books/${id}`);
    await page.getByTestId("book-page").waitFor();
    await page.getByRole("button", { name: /locked/ }).first().click();
    const viewer = page.getByTestId("book-page");
    assert.equal(await viewer.getAttribute("data-locked"), "true");
    assert.equal(await viewer.locator("img").count(), 0);
    await page.getByTestId("locked-page").getByRole("link", { name: "Unlock the full book" }).waitFor();
    await shot(page, "locked");

    // A preview page is redrawn (within the book's limit): a new picture under a new link, one
    // redraw fewer, and the locked pages stay locked.
    await page.getByRole("button", { name: "Go to page 2" }).click();
    const before = await viewer.locator("img").getAttribute("src");
    await page.getByRole("button", { name: "Redraw this picture" }).click();
    await page.getByText("2 redraws left for this book").waitFor({ timeout: GENERATION_TIMEOUT });
    await page.getByTestId("book-page").locator("img").waitFor();
    const after = await page.getByTestId("book-page").locator("img").getAttribute("src");
    assert.notEqual(after.split("?")[0], before.split("?")[0], "page 2 has a new picture");
    const redrawn = await bookPages(context, baseUrl, id);
    assert.deepEqual(redrawn.filter((p) => p.locked).map((p) => p.number), [6, 7, 8, 9, 10]);
    await shot(page, "redrawn");
    assert.deepEqual(unexpected(problems), [], "no errors in the browser console");
  });
