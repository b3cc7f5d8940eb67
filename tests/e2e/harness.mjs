// Shared set-up for the browser tests: the real `storyloom serve` on an ephemeral port with a
// fresh data directory, Debian's Chromium driven by playwright-core, screenshots per step.
//
// Environment:
//   STORYLOOM_BIN           the binary (ctest passes build/storyloom); default <repo>/build/storyloom
//   STORYLOOM_E2E_BASE_URL  use an already running server instead of starting one
//   STORYLOOM_E2E_CHROMIUM  browser executable; default /usr/bin/chromium
//   STORYLOOM_E2E_OUT       screenshot folder; default <repo>/test-output/e2e
//   STORYLOOM_TESTDATA_DIR  the test data; default <repo>/tests/data
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TESTDATA = process.env.STORYLOOM_TESTDATA_DIR ?? resolve(REPO, "tests/data");
export const PHOTOS = join(TESTDATA, "photos");
export const OUT = process.env.STORYLOOM_E2E_OUT ?? join(REPO, "test-output/e2e");

// playwright-core is a devDependency of web/, installed by `npm ci` there.
const requireFromWeb = createRequire(join(REPO, "web/package.json"));
const { chromium } = requireFromWeb("playwright-core");

/** The bound port from one of the server's JSON log lines, if this line names it. */
export function portFromLogLine(line) {
  let j;
  try { j = JSON.parse(line); } catch { return undefined; }
  const candidates = [j.port, j.bound_port, j.http_port, j.listening?.port, j.fields?.port];
  for (const c of candidates) if (Number.isInteger(Number(c)) && Number(c) > 0) return Number(c);
  for (const s of [j.address, j.url, j.listen, j.listening, j.endpoint, j.fields?.address]) {
    const m = typeof s === "string" && s.match(/:(\d{2,5})(?:\/|$)/);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Starts the real server; resolves when it has logged its port and answers /health. */
export async function startServer(t, { env = {} } = {}) {
  if (process.env.STORYLOOM_E2E_BASE_URL) return { baseUrl: process.env.STORYLOOM_E2E_BASE_URL.replace(/\/$/, ""), dataDir: undefined };
  const bin = process.env.STORYLOOM_BIN ?? join(REPO, "build/storyloom");
  const dataDir = mkdtempSync(join(tmpdir(), "storyloom-e2e-"));
  const child = spawn(bin, ["serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir], {
    cwd: REPO, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"],
  });
  const log = [];
  const port = await new Promise((ok, fail_) => {
    const fail = (e) => { child.kill("SIGKILL"); rmSync(dataDir, { recursive: true, force: true }); fail_(e); };
    const timer = setTimeout(() => fail(new Error(`storyloom serve did not report its port within 20 s:\n${log.join("\n")}`)), 20000);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        log.push(line);
        const p = portFromLogLine(line);
        if (p) { clearTimeout(timer); ok(p); }
      });
    }
    child.on("exit", (code) => { clearTimeout(timer); fail(new Error(`storyloom serve exited (${code}) before listening:\n${log.join("\n")}`)); });
    child.on("error", (e) => { clearTimeout(timer); fail(e); });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  t.after(async () => {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r() : child.on("exit", r)));
    rmSync(dataDir, { recursive: true, force: true });
  });
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(`${baseUrl}/health`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, dataDir, log };
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh Chromium profile (its own cookies) with the given viewport; closed after the test. */
export async function openBrowser(t, { viewport = DESKTOP, mobile = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "storyloom-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.STORYLOOM_E2E_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1,
    acceptDownloads: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ""}`); });
  t.after(async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); });
  return { context, page, problems };
}

/**
 * A full-page picture shows what a parent sees after scrolling through: lazy images are loaded
 * (the server draws catalog samples on first request, so this waits up to 10 s), a page turn or
 * fade has ended, and the page is scrolled to the top so the sticky header sits where it belongs.
 * Only for the pictures: the assertions never depend on it.
 */
async function settleForScreenshot(page) {
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = "eager";
    const deadline = Date.now() + 10000;
    while ([...document.images].some((i) => !i.complete) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const finite = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 1000))]);
    window.scrollTo(0, 0);
  }).catch(() => undefined); // a page that is navigating away: take it as it is
}

/** Writes test-output/e2e/<test>/<NN-step>.png; returns the path. */
export function screenshotter(testName) {
  const dir = join(OUT, testName.replace(/[^a-z0-9-]+/gi, "-").toLowerCase());
  rmSync(dir, { recursive: true, force: true }); // only this run's steps
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, step) => {
    const file = join(dir, `${String(++n).padStart(2, "0")}-${step}.png`);
    await settleForScreenshot(page);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

/**
 * Console errors that are not the app's fault: Chromium logs every 4xx answer as "Failed to load
 * resource", and a visitor without a session asking GET /api/me is answered 401 by design. A
 * scenario names the other answers it provokes on purpose (`expected`, patterns of the line).
 */
export function unexpected(problems, ...expected) {
  const allowed = [/Failed to load resource: .* 401 .*\/api\/me\)$/, ...expected];
  return problems.filter((p) => !allowed.some((re) => re.test(p)));
}

/** Text on the page must never show a serialized object instead of a message. */
export async function assertNoObjectText(assert, page) {
  const text = await page.locator("body").innerText();
  assert.ok(!text.includes("[object Object]"), "the page shows [object Object]");
  assert.ok(!/\bundefined\b/.test(text), "the page shows 'undefined'");
}
