// The web app on its own, before any API answers: the built bundle loads in Chromium at 360 px
// and on a desktop, every input has a label, the keyboard reaches every control in the create
// form, the child's form shows inline errors, and an unreachable API is explained in words.
// Served from web/dist by a tiny static server with the same index fallback `storyloom serve`
// uses; /api/* answers 503 as a server that is still starting would. This test does not stand
// in for any API scenario: those run against the real binary (the other files).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { test } from "node:test";
import { assertNoObjectText, DESKTOP, openBrowser, PHONE, REPO, screenshotter } from "./harness.mjs";
import { assertFitsWidth } from "./flows.mjs";

const DIST = join(REPO, "web/dist");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };

async function serveDist(t) {
  assert.ok(existsSync(join(DIST, "index.html")), "web/dist is missing: run `make web` (or npm run build in web/)");
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.startsWith("/api/")) {
      res.writeHead(503, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { code: "not_ready", message: "Storyloom is starting up. Please try again in a moment.", details: {}, request_id: "req_static" } }));
      return;
    }
    const file = join(DIST, path);
    const body = file.startsWith(DIST) && existsSync(file) && extname(file) ? readFileSync(file) : readFileSync(join(DIST, "index.html"));
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "text/html" });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  t.after(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${server.address().port}`;
}

for (const [name, viewport, mobile] of [["phone", PHONE, true], ["desktop", DESKTOP, false]]) {
  test(`web app alone (${name}): pages render, inputs are labelled, errors are sentences`, { timeout: 120000 }, async (t) => {
    const base = await serveDist(t);
    const { page, problems } = await openBrowser(t, { viewport, mobile });
    const shot = screenshotter(`static-${name}`);

    await page.goto(base);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByTestId("error-message").first().waitFor();
    assert.equal(await page.getByTestId("error-message").first().innerText(), "Storyloom is starting up. Please try again in a moment.");
    await assertNoObjectText(assert, page);
    await assertFitsWidth(assert, page);
    await shot(page, "landing-api-down");

    await page.getByRole("link", { name: "Create your book" }).click();
    await page.getByLabel("Child's first name").waitFor();
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input, select, textarea")]
      .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")))
      .map((el) => el.outerHTML));
    assert.deepEqual(unlabelled, []);

    // Keyboard only: tab from the name field to the submit button, through every control.
    await page.getByLabel("Child's first name").focus();
    const reached = new Set();
    for (let i = 0; i < 12; i++) {
      reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim()));
      await page.keyboard.press("Tab");
    }
    for (const id of ["name", "age", "companion", "colour", "Continue to the photo"]) assert.ok(reached.has(id), `Tab reaches ${id}`);

    await page.getByRole("button", { name: "Continue to the photo" }).click();
    await page.locator("[data-field-error=name]").waitFor();
    assert.equal(await page.getByLabel("Child's first name").getAttribute("aria-invalid"), "true");
    assert.ok(await page.getByLabel("Child's first name").evaluate((el) => el === document.activeElement), "focus moves to the first error");
    await assertFitsWidth(assert, page);
    await shot(page, "child-errors");

    await page.getByLabel("Child's first name").fill("Zoë-Marie O'Neil");
    await page.getByLabel("Age").selectOption("5");
    await page.getByLabel("They / them", { exact: true }).check();
    await page.getByRole("button", { name: "Continue to the photo" }).click();
    await page.getByTestId("dropzone").waitFor();
    assert.equal(await page.locator("#photo-camera").getAttribute("capture"), "user");
    await shot(page, "photo-step");

    await page.goto(`${base}/library`);
    await page.getByTestId("error-message").first().waitFor();
    await assertNoObjectText(assert, page);
    await shot(page, "library-api-down");
    assert.deepEqual(problems.filter((p) => !/status of 503/.test(p)), []);
  });
}
