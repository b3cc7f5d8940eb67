// Payments that move real orders and books on the real server: Stripe checkout against a local
// fake of Stripe's API, deliveries signed by the stripe SDK; Shopify orders signed with Node's
// crypto (the SDK only verifies); the demo provider's own page; and a server killed with SIGKILL
// between accepting a webhook and unlocking the book. The replay and crash tests follow a book
// made by the real pipeline to `ready` and download it; the others start from a seeded preview.
//   STORYLOOM_BINARY=build/storyloom node --test tests/integration/node/purchases.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Stripe from "stripe";
import { client, eventually, freshDataDir, guest, previewedBook, processed, seedPreviewedBook, sql, startServer,
  untilBookStatus } from "./server.mjs";

const STRIPE_SECRET = "whsec_purchases_secret_0123456789abcdef";
const SHOPIFY_SECRET = "shpss_purchases_secret_0123456789abcdef";
const DEMO_SECRET = "demo_purchases_secret_0123456789abcdef0123456789";
const stripe = new Stripe("sk_test_purchases");
const sign = (payload) => stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET });

// Stripe's POST /v1/checkout/sessions, as much of it as our provider reads.
let fakeStripe, sessions = [];
function startFakeStripe() {
  return new Promise((ok) => {
    fakeStripe = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => { body += d; });
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const known = sessions.find((s) => s.key === req.headers["idempotency-key"]);
        const session = known ?? { id: `cs_test_${sessions.length + 1}`, key: req.headers["idempotency-key"],
          auth: req.headers.authorization, order: form.get("client_reference_id") };
        if (!known) sessions.push(session);
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ id: session.id, object: "checkout.session", url: `https://checkout.stripe.test/c/pay/${session.id}` }));
      });
    }).listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${fakeStripe.address().port}`));
  });
}

const dirs = [];
let shop, dataDir;
const env = (stripeBase, extra = {}) => ({
  STORYLOOM_STRIPE_SECRET_KEY: "sk_test_purchases", STORYLOOM_STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
  STORYLOOM_STRIPE_API_BASE: stripeBase, STORYLOOM_SHOPIFY_API_SECRET: SHOPIFY_SECRET,
  STORYLOOM_PAYMENTS_DEMO_SECRET: DEMO_SECRET,
  // Every test polls from one address; the limits are not what these tests are about.
  STORYLOOM_RATELIMIT_API_PER_MINUTE: "100000", STORYLOOM_RATELIMIT_API_BURST: "100000",
  STORYLOOM_RATELIMIT_AUTH_PER_MINUTE: "100000", STORYLOOM_RATELIMIT_AUTH_BURST: "100000", ...extra,
});

before(async () => {
  const stripeBase = await startFakeStripe();
  dataDir = freshDataDir();
  dirs.push(dataDir);
  shop = await startServer(dataDir, env(stripeBase));
  shop.stripeBase = stripeBase;
});

after(() => {
  shop?.kill();
  fakeStripe?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let bookCount = 0;
async function buyer() {
  const who = await guest(shop.base);
  const book = seedPreviewedBook(dataDir, who.id, `bk_node_${process.pid}_${++bookCount}`);
  return { ...who, book };
}

async function postStripe(body) {
  const r = await fetch(`${shop.base}/webhooks/stripe`, { method: "POST", body,
    headers: { "Content-Type": "application/json", "Stripe-Signature": sign(body) } });
  return { status: r.status, json: await r.json() };
}
const stripeEvent = (id, type, object) => JSON.stringify({ id, object: "event", type, data: { object } });
const completed = (id, order, session, pi) => stripeEvent(id, "checkout.session.completed", { id: session, object: "checkout.session",
  client_reference_id: order, amount_total: 1499, currency: "usd", payment_status: "paid", payment_intent: pi, metadata: { order_id: order } });
const intent = (id, type, order, pi) => stripeEvent(id, type, { id: pi, object: "payment_intent", amount: 1499, amount_received: 1499,
  currency: "usd", metadata: { order_id: order } });

const paidEntries = (order) => order.status_history.filter((h) => h.status === "paid").length;
const bookStatus = async (who) => (await who.call("GET", `/api/books/${who.book}`)).json.status;

async function stripeCheckout(who, email) {
  const r = await who.call("POST", `/api/books/${who.book}/checkout`, { product: "digital-pdf", provider: "stripe",
    success_url: "https://shop.example/ok", cancel_url: "https://shop.example/cancel", ...(email ? { email } : {}) });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

// A finished book: exactly one delivery mail to `email`, and the download is the print PDF.
async function assertDelivered(who, dir, email) {
  await untilBookStatus(who, who.book, ["ready"]);
  const outbox = join(dir, "outbox");
  const mails = existsSync(outbox) ? readdirSync(outbox).map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((m) => m.includes(`To: ${email}`)) : [];
  assert.equal(mails.length, 1, "one delivery mail");
  assert.match(mails[0], /multipart\/alternative/);
  const download = await who.call("GET", `/api/books/${who.book}/download?format=pdf`);
  assert.equal(download.status, 302, download.text);
  const pdf = await fetch(new URL(download.headers.get("location"), shop.base));
  assert.equal(pdf.status, 200);
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
}

test("Stripe: checkout opens a session with an idempotency key and leaves the order payment_pending", async () => {
  const who = await buyer();
  const started = await stripeCheckout(who);
  assert.match(started.checkout_url, /^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
  assert.equal(started.order.status, "payment_pending");
  assert.equal(started.order.total.amount_minor, 1499);
  const session = sessions.find((s) => s.order === started.order_id);
  assert.ok(session?.key, "no Idempotency-Key reached Stripe");
  assert.equal(session.auth, "Bearer sk_test_purchases");
  assert.equal(await bookStatus(who), "payment_pending");
});

test("Stripe: a paid session unlocks the book exactly once, however often the events are replayed", async () => {
  const who = await guest(shop.base);
  who.book = await previewedBook(who);
  const email = `stripe-${who.book}@example.com`;
  const { order_id: order } = await stripeCheckout(who, email);
  const session = sessions.find((s) => s.order === order).id;
  const first = completed(`evt_once_${order}`, order, session, `pi_${order}`);
  assert.deepEqual((await postStripe(first)).json, { received: true, duplicate: false });
  for (let i = 0; i < 3; i++) assert.equal((await postStripe(first)).json.duplicate, true);
  // The same payment announced by other event types and fresh ids: recorded, changing nothing.
  await postStripe(intent(`evt_pi_${order}`, "payment_intent.succeeded", order, `pi_${order}`));
  await postStripe(completed(`evt_again_${order}`, order, session, `pi_${order}`));
  const outcomes = await processed(dataDir);
  assert.equal(outcomes[`evt_once_${order}`], "applied");
  assert.equal(outcomes[`evt_pi_${order}`], "no_change");
  assert.equal(outcomes[`evt_again_${order}`], "no_change");
  await assertDelivered(who, dataDir, email);
  // Replays after delivery change nothing either: still one paid entry, one finishing run, one mail.
  await postStripe(completed(`evt_late_${order}`, order, session, `pi_${order}`));
  await processed(dataDir);
  const o = (await who.call("GET", `/api/orders/${order}`)).json;
  assert.equal(o.status, "fulfilled");
  assert.equal(paidEntries(o), 1);
  assert.equal(o.download_links.length, 1);
  assert.equal(sql(dataDir, `SELECT COUNT(*) FROM jobs WHERE kind = 'render_final_pages' AND subject_id = '${who.book}'`)[0], "1");
  await assertDelivered(who, dataDir, email);
});

test("Stripe: events out of order change only what the status machines allow", async () => {
  const who = await buyer();
  const { order_id: order } = await stripeCheckout(who);
  const session = sessions.find((s) => s.order === order).id;
  // A decline first gives the book its preview back; the later success still pays.
  await postStripe(intent(`evt_fail_${order}`, "payment_intent.payment_failed", order, `pi_${order}`));
  await processed(dataDir);
  assert.equal((await who.call("GET", `/api/orders/${order}`)).json.status, "payment_failed");
  assert.equal(await bookStatus(who), "preview_ready");
  await postStripe(completed(`evt_ok_${order}`, order, session, `pi_${order}`));
  await processed(dataDir);
  assert.equal((await who.call("GET", `/api/orders/${order}`)).json.status, "paid");
  // A failure that arrives after the success does not un-pay anything.
  await postStripe(intent(`evt_late_${order}`, "payment_intent.payment_failed", order, `pi_${order}`));
  const outcomes = await processed(dataDir);
  assert.equal(outcomes[`evt_late_${order}`], "no_change");
  assert.equal((await who.call("GET", `/api/orders/${order}`)).json.status, "paid");
  assert.ok(["paid", "finalizing"].includes(await bookStatus(who)));
});

test("Stripe: a full refund takes the book back and the download answers 403", async () => {
  const who = await buyer();
  const { order_id: order } = await stripeCheckout(who);
  const session = sessions.find((s) => s.order === order).id;
  await postStripe(completed(`evt_paid_${order}`, order, session, `pi_${order}`));
  await processed(dataDir);
  await postStripe(stripeEvent(`evt_refund_${order}`, "charge.refunded", { id: `ch_${order}`, object: "charge",
    payment_intent: `pi_${order}`, amount_refunded: 1499, currency: "usd", refunded: true }));
  await processed(dataDir);
  assert.equal((await who.call("GET", `/api/orders/${order}`)).json.status, "refunded");
  assert.equal(await bookStatus(who), "refunded");
  const download = await who.call("GET", `/api/books/${who.book}/download?format=pdf`);
  assert.equal(download.status, 403);
  assert.equal(download.json.error.code, "book_not_paid");
});

test("Stripe: a refund delivered before its payment waits for it, then takes the book back", async () => {
  const who = await buyer();
  const { order_id: order } = await stripeCheckout(who);
  const session = sessions.find((s) => s.order === order).id;
  // Stripe does not promise order: the charge names only its payment intent, which no order knows yet.
  await postStripe(stripeEvent(`evt_early_refund_${order}`, "charge.refunded", { id: `ch_${order}`, object: "charge",
    payment_intent: `pi_${order}`, amount_refunded: 1499, currency: "usd", refunded: true }));
  let outcomes = await processed(dataDir);
  assert.equal(outcomes[`evt_early_refund_${order}`], "waiting: no order knows this payment yet");
  assert.equal((await who.call("GET", `/api/orders/${order}`)).json.status, "payment_pending");
  await postStripe(completed(`evt_paid_after_refund_${order}`, order, session, `pi_${order}`));
  outcomes = await processed(dataDir);
  assert.equal(outcomes[`evt_paid_after_refund_${order}`], "applied");
  assert.equal(outcomes[`evt_early_refund_${order}`], "applied");
  const o = (await who.call("GET", `/api/orders/${order}`)).json;
  assert.deepEqual(o.status_history.map((h) => h.status).slice(-2), ["paid", "refunded"]);
  assert.equal(await bookStatus(who), "refunded");
});

test("Shopify: an order paid in the shop unlocks the book it names exactly once", async () => {
  const who = await guest(shop.base);
  who.book = await previewedBook(who);
  const body = JSON.stringify({ id: 5_000_000_000 + ++bookCount, currency: "USD", total_price: "14.99",
    note_attributes: [], line_items: [{ id: 1, title: "Digital book", properties: [{ name: "_storyloom_book_id", value: who.book }] }] });
  const hmac = createHmac("sha256", SHOPIFY_SECRET).update(body).digest("base64");
  const post = (eventId) => fetch(`${shop.base}/webhooks/shopify`, { method: "POST", body, headers: {
    "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": hmac, "X-Shopify-Topic": "orders/paid",
    "X-Shopify-Event-Id": eventId, "X-Shopify-Shop-Domain": "example.myshopify.com" } });
  assert.equal((await post(`shop-${who.book}-1`)).status, 200);
  assert.equal((await (await post(`shop-${who.book}-1`)).json()).duplicate, true);
  assert.equal((await post(`shop-${who.book}-2`)).status, 200);  // Shopify's redelivery with a new id
  await processed(dataDir);
  await untilBookStatus(who, who.book, ["ready"]);
  assert.equal((await post(`shop-${who.book}-3`)).status, 200);  // and once more after the book is done
  await processed(dataDir);
  const orders = (await who.call("GET", "/api/orders")).json.orders;
  assert.equal(orders.length, 1);
  assert.equal(orders[0].status, "fulfilled");
  assert.equal(orders[0].provider, "shopify");
  assert.equal(paidEntries(orders[0]), 1);
  assert.equal((await who.call("GET", `/api/books/${who.book}/download?format=pdf`)).status, 302);
});

test("demo: the checkout page's Pay posts a signed webhook through our own intake", async () => {
  const who = await buyer();
  const r = await who.call("POST", `/api/books/${who.book}/checkout`, { product: "digital-pdf" });
  assert.equal(r.status, 201, r.text);
  const page = await fetch(`${shop.base}${r.json.checkout_url}`);
  const html = await page.text();
  assert.match(html, /<button class="pay"/);
  assert.match(html, /<button class="decline"/);
  const pay = await fetch(`${shop.base}${r.json.checkout_url}/pay`, { method: "POST", redirect: "manual" });
  assert.equal(pay.status, 303);
  assert.equal(pay.headers.get("location"), `/books/${who.book}/confirmation`);
  await processed(dataDir);
  assert.equal((await who.call("GET", `/api/orders/${r.json.order_id}`)).json.status, "paid");
});

test("demo: a webhook signed elsewhere with the demo secret is accepted like a remote provider's", async () => {
  const who = await buyer();
  const r = await who.call("POST", `/api/books/${who.book}/checkout`, { product: "digital-pdf" });
  const body = JSON.stringify({ id: `evt_demo_ext_${r.json.order_id}`, type: "payment.declined", order_id: r.json.order_id,
    amount_minor: 1499, currency: "USD" });
  const t = Math.trunc(Date.now() / 1000);
  const v1 = createHmac("sha256", DEMO_SECRET).update(`${t}.${body}`).digest("hex");
  const post = (header) => fetch(`${shop.base}/webhooks/demo`, { method: "POST", body,
    headers: { "Content-Type": "application/json", "Storyloom-Demo-Signature": header } });
  assert.equal((await post(`t=${t},v1=${v1.replace(/^./, (c) => (c === "0" ? "1" : "0"))}`)).status, 400);
  assert.equal((await post(`t=${t},v1=${v1}`)).status, 200);
  await processed(dataDir);
  assert.equal((await who.call("GET", `/api/orders/${r.json.order_id}`)).json.status, "payment_failed");
  assert.equal(await bookStatus(who), "preview_ready");
});

test("a server killed between accepting a webhook and unlocking the book unlocks it after restart", async () => {
  const dir = freshDataDir();
  dirs.push(dir);
  let server = await startServer(dir, env(shop.stripeBase));
  const who = await guest(server.base);
  const book = await previewedBook(who);
  const started = (await who.call("POST", `/api/books/${book}/checkout`, { product: "digital-pdf", provider: "stripe",
    success_url: "https://s/ok", cancel_url: "https://s/no" })).json;
  server.kill();
  await server.exited;

  // No workers: the webhook is accepted (recorded and queued) and nothing processes it; then SIGKILL.
  server = await startServer(dir, env(shop.stripeBase, { STORYLOOM_WORKERS: "0" }));
  const session = sessions.find((s) => s.order === started.order_id).id;
  const body = completed(`evt_crash_${started.order_id}`, started.order_id, session, "pi_crash");
  const accepted = await fetch(`${server.base}/webhooks/stripe`, { method: "POST", body,
    headers: { "Content-Type": "application/json", "Stripe-Signature": sign(body) } });
  assert.equal(accepted.status, 200);
  server.kill("SIGKILL");
  assert.equal((await server.exited).signal, "SIGKILL");
  assert.equal(sql(dir, `SELECT status FROM books WHERE id = '${book}'`)[0], "payment_pending");
  assert.equal(sql(dir, "SELECT state FROM jobs WHERE kind = 'process_webhook'")[0], "queued");

  server = await startServer(dir, env(shop.stripeBase));
  try {
    const owner = client(server.base, who.token, who.id);  // the same session, on the new port
    await untilBookStatus(owner, book, ["ready"]);
    assert.equal((await owner.call("GET", `/api/books/${book}/download?format=pdf`)).status, 302);
    assert.equal(sql(dir, `SELECT status FROM orders WHERE id = '${started.order_id}'`)[0], "fulfilled");
    assert.equal(sql(dir, "SELECT outcome FROM webhook_events")[0], "applied");
    assert.equal(sql(dir, "SELECT COUNT(*) FROM order_status_history WHERE status = 'paid'")[0], "1");
  } finally {
    server.kill();
    await server.exited;
  }
});
