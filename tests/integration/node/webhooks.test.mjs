// Webhook intake against the real server: `storyloom serve` on an ephemeral port with a temp data
// directory, Stripe deliveries signed by the stripe SDK and Shopify deliveries signed with Node's
// crypto, posted over HTTP. Checks the answers a provider sees (200 / 400 in the envelope) and,
// through the server's own answers, that duplicates are recognised. What the events do to orders
// and books: purchases.test.mjs.
//   STORYLOOM_BINARY=build/storyloom node --test tests/integration/node/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { rmSync } from "node:fs";
import Stripe from "stripe";
import { freshDataDir, processed, startServer } from "./server.mjs";

const STRIPE_SECRET = "whsec_integration_secret_0123456789abcdef";
const SHOPIFY_SECRET = "shpss_integration_secret_0123456789abcdef";
const stripe = new Stripe("sk_test_integration");
let server, base, dataDir;

before(async () => {
  dataDir = freshDataDir();
  server = await startServer(dataDir, { STORYLOOM_STRIPE_WEBHOOK_SECRET: STRIPE_SECRET, STORYLOOM_SHOPIFY_API_SECRET: SHOPIFY_SECRET });
  base = server.base;
});

after(() => {
  server?.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

const event = (id, type, object) => JSON.stringify({ id, object: "event", type, data: { object } });
const paid = (id) => event(id, "checkout.session.completed", { id: "cs_it", client_reference_id: "ord_it00000000000000000001",
  amount_total: 1499, currency: "usd", payment_status: "paid", metadata: { order_id: "ord_it00000000000000000001" } });

async function postStripe(body, header) {
  const res = await fetch(`${base}/webhooks/stripe`, { method: "POST", body,
    headers: { "Content-Type": "application/json", ...(header ? { "Stripe-Signature": header } : {}) } });
  return { status: res.status, json: await res.json() };
}
const now = () => Math.trunc(Date.now() / 1000);
const sign = (body, opts = {}) => stripe.webhooks.generateTestHeaderString({ payload: body, secret: STRIPE_SECRET, ...opts });

test("a Stripe event signed by the SDK is accepted once, then answered as a duplicate", async () => {
  const body = paid("evt_it_valid");
  const first = await postStripe(body, sign(body));
  assert.equal(first.status, 200, JSON.stringify(first.json));
  assert.deepEqual(first.json, { received: true, duplicate: false });
  const again = await postStripe(body, sign(body, { timestamp: now() - 10 }));
  assert.equal(again.status, 200);
  assert.equal(again.json.duplicate, true);
});

test("a tampered body is a 400 in the envelope", async () => {
  const body = paid("evt_it_tampered");
  const r = await postStripe(body.replace("1499", "1"), sign(body));
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, "webhook_signature_invalid");
  assert.ok(r.json.error.request_id);
});

test("a wrong secret, a missing header, a stale or a future timestamp are 400", async () => {
  const body = paid("evt_it_bad");
  for (const header of [
    stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_other" }),
    undefined,
    // 305, not 301: our whole seconds and the server's may straddle a tick (flaked 1 in 12).
    sign(body, { timestamp: now() - 305 }),
    sign(body, { timestamp: now() + 305 }),
  ]) {
    const r = await postStripe(body, header);
    assert.equal(r.status, 400, `header ${header}`);
    assert.equal(r.json.error.code, "webhook_signature_invalid");
  }
  // Nothing of the rejected event was stored: the same id, properly signed, is new.
  const ok = await postStripe(body, sign(body));
  assert.equal(ok.json.duplicate, false);
});

test("an unknown event type is 200, recorded and ignored", async () => {
  const body = event("evt_it_unknown", "customer.created", { id: "cus_1", object: "customer" });
  const r = await postStripe(body, sign(body));
  assert.equal(r.status, 200);
  assert.equal((await postStripe(body, sign(body))).json.duplicate, true);
  assert.equal((await processed(dataDir)).evt_it_unknown, "ignored");
});

test("Shopify webhooks: base64 HMAC over the raw body, either header spelling", async () => {
  const body = JSON.stringify({ id: 42, currency: "USD", total_price: "14.99", note_attributes: [] });
  const hmac = createHmac("sha256", SHOPIFY_SECRET).update(body).digest("base64");
  const post = (headers) => fetch(`${base}/webhooks/shopify`, { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });
  let r = await post({ "X-Shopify-Hmac-Sha256": hmac, "X-Shopify-Topic": "orders/paid", "X-Shopify-Event-Id": "it-1" });
  assert.equal(r.status, 200);
  r = await post({ "shopify-hmac-sha256": hmac, "shopify-topic": "orders/paid", "shopify-event-id": "it-1" });
  assert.equal((await r.json()).duplicate, true);
  r = await post({ "X-Shopify-Hmac-Sha256": hmac.replace(/^./, (c) => (c === "A" ? "B" : "A")), "X-Shopify-Event-Id": "it-2" });
  assert.equal(r.status, 400);
});

test("a provider that is not enabled has no webhook endpoint", async () => {
  const r = await fetch(`${base}/webhooks/paypal`, { method: "POST", body: "{}" });
  assert.equal(r.status, 404);
});
