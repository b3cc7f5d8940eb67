// The frame around the journey: the landing gallery comes from the API, images sit in fixed
// ratio boxes (no layout jump), client routes survive a reload (index fallback), and an API
// error is shown as the envelope's message.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoObjectText, openBrowser, PHONE, screenshotter, startServer } from "./harness.mjs";
import { assertFitsWidth } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

test("landing: themes from the API in a gallery, every image in a fixed-ratio box, at 360 px and desktop",
  { timeout: 120000, skip: waitingFor("themes") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const raw = await (await fetch(`${baseUrl}/api/themes`)).json();
    const themes = Array.isArray(raw) ? raw : raw.themes ?? raw.items;
    assert.ok(themes.length >= 8, "at least 8 themes in the catalog");
    for (const [name, opts] of [["desktop", {}], ["phone", { viewport: PHONE, mobile: true }]]) {
      const { page, problems } = await openBrowser(t, opts);
      await page.goto(baseUrl);
      await page.locator(".theme-card").first().waitFor();
      assert.equal(await page.locator(".theme-card").count(), themes.length);
      const unboxed = await page.evaluate(() => [...document.querySelectorAll("main img")]
        .filter((img) => getComputedStyle(img.parentElement).aspectRatio === "auto").map((i) => i.src));
      assert.deepEqual(unboxed, [], "images without a reserved box");
      await assertFitsWidth(assert, page);
      await screenshotter(`landing-${name}`)(page, "landing");
      assert.deepEqual(problems, []);
    }
  });

test("routes: a client route survives a reload; unknown paths show our not-found page",
  { timeout: 60000, skip: waitingFor() },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page } = await openBrowser(t);
    await page.goto(`${baseUrl}/create`);
    await page.getByRole("heading", { name: "Create a book" }).waitFor();
    await page.reload();
    await page.getByLabel("Child's first name").waitFor();
    await page.goto(`${baseUrl}/no/such/page`);
    await page.getByRole("heading", { name: "This page isn't in our book" }).waitFor();
    const asset = await page.evaluate(() => document.querySelector("script[type=module]")?.getAttribute("src"));
    const res = await fetch(`${baseUrl}${asset}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /max-age=\d{6,}|immutable/, "hashed assets are cached for long");
  });

// Whatever the API answers for a book that does not exist (404, or 401 without a session), the
// page shows that answer's envelope message.
test("errors: an API error shows the envelope's message, never [object Object]",
  { timeout: 60000, skip: waitingFor() },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, context } = await openBrowser(t);
    const res = await context.request.get(`${baseUrl}/api/books/bk_doesnotexist`);
    assert.ok([401, 404].includes(res.status()), `a missing book answers ${res.status()}`);
    const envelope = (await res.json()).error;
    assert.ok(envelope?.message, "the answer is an error envelope with a message");
    await page.goto(`${baseUrl}/books/bk_doesnotexist`);
    const shown = page.getByTestId("error-message");
    await shown.waitFor();
    assert.equal((await shown.innerText()).trim(), envelope.message);
    await assertNoObjectText(assert, page);
    await screenshotter("errors")(page, "book-not-found");
  });
