// Pages 6-10 of an unpaid book are not reachable: the viewer shows a padlock and no image, the
// pages API gives no URL, a preview URL edited to another page does not answer, and the
// download is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openBrowser, screenshotter, startServer, unexpected } from "./harness.mjs";
import { bookPages, bookViaApi } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

const urlOf = (p) => p.image_url ?? p.preview_url ?? p.url ?? p.image?.url;

test("preview: a locked page is not reachable by any URL",
  { timeout: 400000, skip: waitingFor("themes", "auth", "photos", "books") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, context, problems } = await openBrowser(t);
    const shot = screenshotter("locked-page");
    const id = await bookViaApi(context, baseUrl);

    const pages = await bookPages(context, baseUrl, id);
    const locked = pages.filter((p) => p.locked);
    const open = pages.filter((p) => !p.locked && urlOf(p));
    assert.ok(locked.length >= 5 && open.length >= 5, `5 open and 5 locked pages, got ${open.length}/${locked.length}`);
    for (const p of locked) assert.equal(JSON.stringify(p).match(/https?:|\/files\//), null, `locked page ${p.number} carries no URL`);

    // Another page's image through an open page's signed link, its number edited.
    const link = new URL(urlOf(open[open.length - 1]), baseUrl);
    const n = String(open[open.length - 1].number ?? open.length);
    for (const target of locked.map((p) => String(p.number))) {
      const edited = new URL(link);
      edited.pathname = link.pathname.replace(new RegExp(`(\\D)0*${n}(\\D*)$`), (_, a, b) => `${a}${target.padStart(n.length, "0")}${b}`);
      if (edited.pathname === link.pathname) continue;
      const res = await context.request.get(edited.toString());
      assert.ok(!res.ok(), `edited link ${edited.pathname} answered ${res.status()}`);
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
    assert.deepEqual(unexpected(problems), [], "no errors in the browser console");
  });
