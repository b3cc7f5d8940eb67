// The fetch wrapper: envelope messages reach the parent as they are, field errors are found in
// every shape the API uses, CSRF tokens are echoed, and nothing shows "[object Object]".
// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, errorFromResponse, fieldErrors, messageOf, request } from "../src/api/client";

const envelope = (status: number, error: object) =>
  new Response(JSON.stringify({ error }), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("errorFromResponse", () => {
  it("uses the envelope's message, code, details and request id", async () => {
    const e = await errorFromResponse(envelope(400, { code: "photo_no_face", message: "We couldn't find a face in this photo.", details: { hint: "h" }, request_id: "req_1" }));
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.requestId]).toEqual([400, "photo_no_face", "We couldn't find a face in this photo.", "req_1"]);
    expect(e.details).toEqual({ hint: "h" });
  });
  it("gives a sentence for answers that are not envelopes", async () => {
    const e = await errorFromResponse(new Response("<html>oops</html>", { status: 502 }));
    expect(e.message).toBe("Something went wrong on our side. Please try again.");
    const e2 = await errorFromResponse(new Response("", { status: 413 }));
    expect(e2.message).toBe("That file is too large.");
  });
  it("never passes an object on as the message", async () => {
    const e = await errorFromResponse(envelope(400, { code: "x", message: { nested: true } }));
    expect(e.message).not.toContain("[object");
    expect(messageOf({ some: "object" })).toBe("Something went wrong. Please try again.");
  });
});

describe("fieldErrors", () => {
  const err = (details: unknown) => new ApiError(422, "validation_failed", "Please check the address.", details);
  it("reads {fields: {...}} with dotted names", () => {
    expect(fieldErrors(err({ fields: { "shipping_address.city": "Please enter the city." } }))).toEqual({ city: "Please enter the city." });
  });
  it("reads {errors: [{field, message}]}", () => {
    expect(fieldErrors(err({ errors: [{ field: "postal_code", message: "Not a postal code." }] }))).toEqual({ postal_code: "Not a postal code." });
  });
  it("reads {field} with the envelope's message", () => {
    expect(fieldErrors(err({ field: "country" }))).toEqual({ country: "Please check the address." });
  });
  it("is empty for other errors", () => {
    expect(fieldErrors(new Error("x"))).toEqual({});
    expect(fieldErrors(err(undefined))).toEqual({});
  });
});

describe("request", () => {
  it("sends the csrf_token cookie as X-CSRF-Token on unsafe requests only", async () => {
    const seen: Headers[] = [];
    vi.stubGlobal("document", { cookie: "other=1; csrf_token=abc%3D" });
    vi.stubGlobal("fetch", async (_: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
    });
    await request("POST", "/api/books", { a: 1 });
    await request("GET", "/api/books");
    expect(seen[0].get("X-CSRF-Token")).toBe("abc=");
    expect(seen[0].get("Content-Type")).toBe("application/json");
    expect(seen[1].get("X-CSRF-Token")).toBeNull();
  });
  it("turns a network failure into a sentence", async () => {
    vi.stubGlobal("document", { cookie: "" });
    vi.stubGlobal("fetch", async () => { throw new TypeError("Failed to fetch"); });
    await expect(request("GET", "/api/me")).rejects.toThrow("We couldn't reach Storyloom. Check your connection and try again.");
  });
});
