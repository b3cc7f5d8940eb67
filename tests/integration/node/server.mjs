// The real `storyloom serve` for the node tests: started on an ephemeral port in a data
// directory of the test's choosing (so a test can kill it and start it again on the same data),
// with a clean STORYLOOM_* environment plus the test's own.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// STORYLOOM_TEST_BINARY (set by scripts/run-tests for the sanitizer run) wins over ctest's default.
export const BINARY = process.env.STORYLOOM_TEST_BINARY || process.env.STORYLOOM_BINARY || resolve(import.meta.dirname, "../../../build/storyloom");

export const freshDataDir = () => mkdtempSync(join(tmpdir(), "storyloom-commerce-it-"));

/** Starts the server; answers {base, log(), kill(signal), exited}. */
export async function startServer(dataDir, extraEnv = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STORYLOOM_")));
  // The face model loads when the first photo or book needs it (~1.5 CPU-s a start under ASan).
  Object.assign(env, { STORYLOOM_FACES_LOAD_MODEL: "first_photo" }, extraEnv);
  const child = spawn(BINARY, ["serve", "--port", "0", "--data-dir", dataDir], { env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (d) => { log += d; });
  const exited = new Promise((ok) => child.on("exit", (code, signal) => ok({ code, signal })));
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 60000);
    exited.then(({ code }) => { clearTimeout(timer); fail(new Error(`server exited ${code}:\n${log}`)); });
    const look = () => {
      for (const line of log.split("\n")) {
        try {
          const j = JSON.parse(line);
          if (j.msg === "listening") { clearTimeout(timer); return ok(`http://127.0.0.1:${j.port}`); }
        } catch { /* not a whole line yet */ }
      }
      setTimeout(look, 50);
    };
    look();
  });
  return { base, log: () => log, kill: (signal = "SIGTERM") => child.kill(signal), exited };
}

/** A signed-in guest: {token, id, call(method, path, body?)} answering {status, json, text, headers}. */
export async function guest(base) {
  const res = await fetch(`${base}/api/auth/guest`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  const body = await res.json();
  if (res.status >= 300) throw new Error(`guest sign-in failed: ${JSON.stringify(body)}`);
  return client(base, body.session.token, body.user.id);
}

/** Calls `base` with a session token (bearer), following no redirects. */
export function client(base, token, id) {
  const call = async (method, path, json, headers = {}) => {
    const r = await fetch(`${base}${path}`, {
      method, redirect: "manual",
      headers: { Authorization: `Bearer ${token}`, ...(json ? { "Content-Type": "application/json" } : {}), ...headers },
      body: json ? JSON.stringify(json) : undefined,
    });
    const text = await r.text();
    let parsed = null;
    try { parsed = JSON.parse(text); } catch { /* HTML or empty */ }
    return { status: r.status, json: parsed, text, headers: r.headers };
  };
  return { token, id, call };
}

/** Runs SQL on the server's SQLite database (WAL: safe while it runs); answers the output lines. */
export function sql(dataDir, statement) {
  return execFileSync("sqlite3", ["-cmd", ".timeout 5000", join(dataDir, "storyloom.db"), statement], { encoding: "utf8" })
    .split("\n").filter(Boolean);
}

/** A book made by the real pipeline, once it reaches its watermarked preview; answers its id. */
export async function previewedBook(who) {
  const made = await who.call("POST", "/api/books", { child: { name: "Emma", age: 6, pronouns: "she" },
    theme: "enchanted-forest", style: "storybook" });
  if (made.status !== 202) throw new Error(`book not started: ${made.text}`);
  await untilBookStatus(who, made.json.id, ["preview_ready"]);
  return made.json.id;
}

/** Waits until the book's status is one of `wanted` (a failed book fails the wait at once). */
export async function untilBookStatus(who, book, wanted, ms = 90000) {
  return eventually(async () => {
    const status = (await who.call("GET", `/api/books/${book}`)).json?.status;
    if (status === "failed" && !wanted.includes("failed")) throw new Error(`book ${book} failed`);
    return wanted.includes(status) && status;
  }, `book ${book} to be ${wanted.join(" or ")}`, ms);
}

/**
 * A book in preview_ready, the state commerce starts from, written as the books module writes
 * it, for tests of commerce alone (out-of-order events, refunds, the demo page), where the book
 * engine adds nothing but minutes. It has no pages, so the pipeline cannot finish it after
 * payment; tests that follow a book to `ready` make it with previewedBook().
 */
export function seedPreviewedBook(dataDir, ownerId, id) {
  const now = Math.trunc(Date.now() / 1000);
  sql(dataDir, `INSERT INTO books (id, owner_id, child, theme, style, seed, title, status, created_at, updated_at,
    status_changed_at, preview_ready_at, expires_at) VALUES ('${id}', '${ownerId}', '{"name":"Emma","age":6}',
    'enchanted-forest', 'storybook', 7, 'Emma and the Enchanted Forest', 'preview_ready', ${now}, ${now}, ${now},
    ${now}, ${now + 7 * 86400})`);
  return id;
}

/** Polls `probe` until it answers something truthy (that value), or throws after `ms`. */
export async function eventually(probe, what, ms = 15000) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until every accepted webhook has been processed; answers the outcomes by event id. */
export async function processed(dataDir) {
  await eventually(() => sql(dataDir, "SELECT COUNT(*) FROM webhook_events WHERE processed_at IS NULL")[0] === "0",
    "webhook processing", 30000);
  return Object.fromEntries(sql(dataDir, "SELECT event_id || '|' || outcome FROM webhook_events").map((l) => l.split("|")));
}
