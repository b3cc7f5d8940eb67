// Steps of the parent's journey, shared by the scenarios. They act through the UI the way a
// parent does (labels and button names), except `bookViaApi`, which prepares a preview through
// the same public API for scenarios that are about what comes after it.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { PHOTOS, REPO } from "./harness.mjs";

export const GENERATION_TIMEOUT = Number(process.env.STORYLOOM_E2E_GENERATION_TIMEOUT_MS ?? 180000);

export async function fillChild(page, { name = "Emma", age = "6", pronouns = "She / her", companion = "", colour = "" } = {}) {
  await page.getByLabel("Child's first name").fill(name);
  await page.getByLabel("Age").selectOption(age);
  await page.getByLabel(pronouns, { exact: true }).check();
  if (companion) await page.getByLabel(/A companion/).fill(companion);
  if (colour) await page.getByLabel(/Favourite colour/).fill(colour);
  await page.getByRole("button", { name: "Continue to the photo" }).click();
}

/** Chooses a photo file; resolves with "accepted" or "refused" once the API has answered. */
export async function choosePhoto(page, file) {
  await page.locator("#photo-file").setInputFiles(join(PHOTOS, file));
  const accepted = page.getByTestId("photo-accepted");
  const refused = page.getByTestId("photo-refused");
  await accepted.or(refused).first().waitFor({ timeout: 30000 });
  return (await accepted.isVisible()) ? "accepted" : "refused";
}

export async function chooseAdventureAndStart(page, shot) {
  await page.getByRole("button", { name: "Continue to the adventure" }).click();
  await page.locator('input[name="theme"]').first().check();
  await page.locator('input[name="style"]').first().check();
  if (shot) await shot(page, "adventure");
  await page.getByRole("button", { name: "Make the preview" }).click();
  await page.waitForURL(/\/books\/[^/]+(\/progress)?$/, { timeout: 30000 });
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
}

export async function waitForPreview(page, id) {
  await page.waitForURL((u) => u.pathname === `/books/${encodeURIComponent(id)}`, { timeout: GENERATION_TIMEOUT });
  await page.getByTestId("book-page").waitFor({ timeout: 30000 });
}

/** A list from an API answer: a bare array or {<key>: [...]} / {items: [...]}. */
export function listFrom(json, key) {
  return Array.isArray(json) ? json : json?.[key] ?? json?.items ?? [];
}

/** Every page of a book as the API lists it, through the parent's own session. */
export async function bookPages(context, baseUrl, id) {
  return listFrom(await (await context.request.get(`${baseUrl}/api/books/${id}/pages`)).json(), "pages");
}

/** Unsafe requests through the page's own cookie jar, with what the CSRF check expects. */
async function csrfHeaders(context, baseUrl) {
  const cookie = (await context.cookies(baseUrl)).find((c) => c.name === "csrf_token");
  return { Origin: baseUrl, ...(cookie ? { "X-CSRF-Token": decodeURIComponent(cookie.value) } : {}) };
}

export async function apiPost(context, baseUrl, path, options = {}) {
  const res = await context.request.post(`${baseUrl}${path}`, { ...options, headers: { ...(await csrfHeaders(context, baseUrl)), ...options.headers } });
  if (!res.ok()) throw new Error(`POST ${path} answered ${res.status()}: ${await res.text()}`);
  return res.json();
}

/** A guest with a finished preview of a book about Emma, made through the public API. */
export async function bookViaApi(context, baseUrl) {
  await apiPost(context, baseUrl, "/api/auth/guest", { data: {} });
  const photo = await apiPost(context, baseUrl, "/api/photos", {
    multipart: { photo: { name: "astronaut.png", mimeType: "image/png", buffer: readFileSync(join(PHOTOS, "astronaut.png")) } },
  });
  const themes = await (await context.request.get(`${baseUrl}/api/themes`)).json();
  const styles = await (await context.request.get(`${baseUrl}/api/styles`)).json();
  const first = (x, k) => listFrom(x, k)[0];
  const book = await apiPost(context, baseUrl, "/api/books", {
    data: { child: { name: "Emma", age: 6, pronouns: "she" }, photo_id: photo.id,
      theme: first(themes, "themes").id, style: first(styles, "styles").id },
  });
  const deadline = Date.now() + GENERATION_TIMEOUT;
  for (;;) {
    const b = await (await context.request.get(`${baseUrl}/api/books/${book.id}`)).json();
    if (b.status === "preview_ready") return book.id;
    if (b.status === "failed" || Date.now() > deadline) throw new Error(`book ${book.id} ended ${b.status}: ${JSON.stringify(b.failure ?? {})}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** From the preview to the checkout form, with the given product (matched by its name) chosen. */
export async function startCheckout(page, { product = /pdf|digital/i, email = "parent@example.com" } = {}) {
  await page.getByRole("link", { name: "Unlock the full book" }).first().click();
  await page.waitForURL(/\/checkout/);
  // By the product's name: descriptions mention other products ("print at home").
  await page.locator("label.choice").filter({ has: page.locator(".choice-title", { hasText: product }) }).first().click();
  if (await page.getByLabel("Your email").isVisible()) await page.getByLabel("Your email").fill(email);
}

export async function submitCheckout(page) {
  const here = new URL(page.url()).pathname;
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  await page.waitForURL((u) => u.pathname !== here, { timeout: 30000 });
}

/** Presses Pay or Decline on the demo provider's checkout page. */
export async function demoProvider(page, action /* "pay" | "decline" */) {
  await page.getByRole("button", { name: action === "pay" ? /pay/i : /decline/i }).first().click();
}

/** Downloads through the parent's own link; returns the bytes. */
export async function downloadPdf(page) {
  const link = page.getByTestId("download-pdf").first();
  await link.waitFor({ timeout: GENERATION_TIMEOUT });
  const href = await link.getAttribute("href");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30000 }).catch(() => undefined),
    link.click(),
  ]);
  if (download) {
    const file = join(tmpdir(), `storyloom-e2e-${Date.now()}.pdf`);
    await download.saveAs(file);
    return readFileSync(file);
  }
  // A browser that displays PDFs inline: fetch the same link with the same session.
  const res = await page.context().request.get(new URL(href, page.url()).toString());
  return Buffer.from(await res.body());
}

/** Page count by poppler's pdfinfo (a real PDF parser, not a regex). */
export function pdfPageCount(bytes) {
  const file = join(tmpdir(), `storyloom-e2e-count-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
}

/** The words of a PDF by poppler's pdftotext, whitespace collapsed. */
export function pdfText(bytes) {
  const file = join(tmpdir(), `storyloom-e2e-text-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** The printed book's rules (catalog/print.json): at least min_pages, a multiple of page_multiple. */
export function printRules() {
  const { min_pages, page_multiple } = JSON.parse(readFileSync(join(REPO, "catalog/print.json"), "utf8"));
  return { minPages: min_pages, pageMultiple: page_multiple };
}

/**
 * The downloaded book is the whole book: a PDF whose page count follows the print rules and
 * that holds the words of every story page (the pages API shows them all once paid).
 */
export async function assertWholeBook(assert, context, baseUrl, id, pdf) {
  assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-", "the download is a PDF");
  const count = pdfPageCount(pdf);
  const { minPages, pageMultiple } = printRules();
  assert.ok(count >= minPages, `the PDF has ${count} pages, the print rules ask for at least ${minPages}`);
  assert.equal(count % pageMultiple, 0, `${count} pages is not a multiple of ${pageMultiple}`);
  const pages = await bookPages(context, baseUrl, id);
  assert.equal(pages.filter((p) => p.locked).length, 0, "no page is locked after payment");
  const text = pdfText(pdf);
  for (const p of pages) {
    const start = p.text.replace(/\s+/g, " ").trim().split(" ").slice(0, 5).join(" ");
    assert.ok(text.includes(start), `page ${p.number} ("${start}…") is in the PDF`);
  }
  return { count, storyPages: pages.length };
}

/** The document must not be wider than the viewport (no sideways scrolling on a phone). */
export async function assertFitsWidth(assert, page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `page is ${scroll}px wide in a ${inner}px viewport (${page.url()})`);
}
