// The API's JSON as the modules write it (faces verdicts, catalog products, books progress)
// becomes the app's types; money is formatted from minor units.
// @vitest-environment node
import { describe, expect, it } from "vitest";
import * as n from "../src/api/normalize";
import { formatMoney, orderStatusLabel, statusLabel } from "../src/lib/format";

describe("verdict", () => {
  it("reads a refusal as the faces module writes it", () => {
    const v = n.verdict({ accepted: false, face_count: 2, face_box: { x: 10, y: 20, width: 30, height: 40 },
      reason: { code: "photo_multiple_faces", message: "There is more than one face.", hint: "Choose a photo of your child alone." } });
    expect(v).toMatchObject({ accepted: false, faceCount: 2, reason: "photo_multiple_faces", hint: "Choose a photo of your child alone." });
    expect(v.faceBox).toEqual({ x: 10, y: 20, width: 30, height: 40 });
  });
  it("accepts a null face box", () => {
    expect(n.verdict({ accepted: false, face_box: null }).faceBox).toBeUndefined();
  });
  it("reads [x, y, w, h] and left/top/right/bottom boxes", () => {
    expect(n.faceBox([1, 2, 3, 4])).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    expect(n.faceBox({ left: 1, top: 2, right: 11, bottom: 22 })).toEqual({ x: 1, y: 2, width: 10, height: 20 });
  });
});

describe("product", () => {
  it("reads the catalog's products", () => {
    const p = n.product({ id: "hardcover", kind: "printed_hardcover", name: "Printed hardcover", price: { minor: 3999, currency: "USD" } });
    expect(p).toMatchObject({ id: "hardcover", title: "Printed hardcover", needsShipping: true, price: { amountMinor: 3999, currency: "USD" } });
    expect(n.product({ id: "digital-pdf", kind: "digital_pdf", name: "Digital book" })?.needsShipping).toBe(false);
  });
  it("reads a printed product's delivery options as GET /api/products writes them", () => {
    const p = n.product({ id: "hardcover", kind: "printed_hardcover", name: "Printed hardcover", requires_shipping: true,
      price: { amount_minor: 3999, currency: "USD" },
      shipping: [{ id: "standard", name: "Standard", price: { amount_minor: 599, currency: "USD" }, days_min: 7, days_max: 12, needs_phone: false },
        { id: "express", name: "Express", price: { amount_minor: 2499, currency: "USD" }, needs_phone: true }] });
    expect(p?.shipping).toEqual([
      { id: "standard", title: "Standard", price: { amountMinor: 599, currency: "USD" }, daysMin: 7, daysMax: 12, needsPhone: false },
      { id: "express", title: "Express", price: { amountMinor: 2499, currency: "USD" }, daysMin: undefined, daysMax: undefined, needsPhone: true }]);
    expect(n.product({ id: "digital-pdf", kind: "digital_pdf" })?.shipping).toEqual([]);
  });
});

describe("book and pages", () => {
  it("reads progress and failure", () => {
    const b = n.book({ id: "bk_1", status: "generating", child: { name: "Emma" },
      progress: { percent: 40, current_step: "Illustrating page 3 of 10", pages_completed: 2, pages_total: 10, eta_seconds: 30 } });
    expect(b?.progress).toEqual({ percent: 40, currentStep: "Illustrating page 3 of 10", pagesCompleted: 2, pagesTotal: 10, etaSeconds: 30 });
    expect(b?.childName).toBe("Emma");
    expect(n.book({ id: "bk_2", status: "failed", failure: { code: "x", message: "It broke." } })?.failure?.message).toBe("It broke.");
    expect(n.book({ status: "x" })).toBeUndefined();
  });
  it("keeps a locked page without any URL", () => {
    const [open, locked] = n.listOf({ pages: [{ number: 5, text: "t", image_url: "/files/a" }, { number: 6, locked: true }] }, "pages").map(n.page);
    expect(open).toMatchObject({ number: 5, imageUrl: "/files/a", locked: false });
    expect(locked).toMatchObject({ number: 6, locked: true, imageUrl: undefined, text: "" });
  });
  it("reads lists in every shape", () => {
    expect(n.listOf([1], "x")).toEqual([1]);
    expect(n.listOf({ books: [1] }, "books")).toEqual([1]);
    expect(n.listOf({ items: [1] }, "books")).toEqual([1]);
    expect(n.paged({ books: [{ id: "a" }], next_cursor: "c" }, "books", n.book).nextCursor).toBe("c");
  });
});

describe("order", () => {
  it("reads an order as the commerce API writes it, times in Unix seconds", () => {
    const o = n.order({ id: "ord_1", book_id: "bk_1", status: "fulfilled", product: "Digital book",
      total: { amount_minor: 1499, currency: "USD", formatted: "14.99 USD" }, created_at: 1763980000,
      items: [{ product_id: "digital-pdf", kind: "digital_pdf", name: "Digital book", unit_price: { amount_minor: 1499, currency: "USD" } }],
      status_history: [{ status: "paid", at: 1763980060, reason: "demo payment.succeeded evt_1" }],
      download_links: [{ format: "pdf", url: "/files/deliveries/ord_1/bk_1.pdf?exp=1&sig=2" }] });
    expect(o).toMatchObject({ id: "ord_1", bookId: "bk_1", product: "Digital book", total: { amountMinor: 1499, currency: "USD" },
      createdAt: "2025-11-24T10:26:40.000Z", downloadUrl: "/files/deliveries/ord_1/bk_1.pdf?exp=1&sig=2" });
    expect(o?.history).toEqual([{ status: "paid", at: "2025-11-24T10:27:40.000Z" }]);
    expect(o?.shipsTo).toBeUndefined();
    expect(n.order({ id: "ord_2", status: "awaiting_print_partner", shipping_address: { name: "Sam", city: "Bristol", country: "GB" } })?.shipsTo).toBe("Bristol, GB");
    expect(n.book({ id: "bk_1", status: "ready", created_at: 1763980000 })?.createdAt).toBe("2025-11-24T10:26:40.000Z");
  });
  it("reads a product with its price as an amount", () => {
    const p = n.product({ id: "digital-pdf", kind: "digital_pdf", name: "Digital book", requires_shipping: false,
      price: { amount_minor: 1499, currency: "USD", formatted: "14.99 USD" } });
    expect(p).toMatchObject({ title: "Digital book", needsShipping: false, price: { amountMinor: 1499, currency: "USD" } });
  });
});

describe("format", () => {
  it("formats minor units by the currency's digits", () => {
    expect(formatMoney({ amountMinor: 1499, currency: "USD" })).toMatch(/14\.99/);
    expect(formatMoney({ amountMinor: 1500, currency: "JPY" })).toMatch(/1,500/);
  });
  it("has words for every book status and order decline", () => {
    for (const s of ["draft", "generating", "preview_ready", "payment_pending", "paid", "finalizing", "ready", "printing", "shipped", "delivered", "failed", "expired", "refunded", "cancelled"]) {
      expect(statusLabel(s).label).not.toContain("_");
    }
    expect(orderStatusLabel("failed").label).toBe("Payment declined");
  });
});

describe("me", () => {
  it("reads the accounts module's answers for a guest and a member", () => {
    expect(n.me({ user: { id: "usr_1", kind: "guest", role: "customer", email: null, guest_email: null } })).toMatchObject({ id: "usr_1", guest: true });
    expect(n.me({ user: { id: "usr_2", kind: "member", email: "a@b.co", display_name: "Sam" } })).toMatchObject({ guest: false, email: "a@b.co", name: "Sam" });
  });
});
