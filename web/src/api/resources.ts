// Calls to each API resource, returning normalized types. Paths are those of issues 4, 5, 6, 8.
import { api, ApiError } from "./client";
import * as n from "./normalize";
import type { ArtStyle, Book, Me, Order, Page, Paged, Photo, Product, Theme } from "./types";

const enc = encodeURIComponent;

export async function themes(): Promise<Theme[]> {
  return n.listOf(await api.get("/api/themes"), "themes").map(n.theme).filter((t): t is Theme => !!t);
}

export async function styles(): Promise<ArtStyle[]> {
  return n.listOf(await api.get("/api/styles"), "styles").map(n.artStyle).filter((s): s is ArtStyle => !!s);
}

/**
 * The books a parent can buy (credit packs are sold elsewhere), with prices. A 404 means the
 * shop has no product list to show.
 */
export async function products(): Promise<Product[]> {
  try {
    return n.listOf(await api.get("/api/products"), "products").map(n.product)
      .filter((p): p is Product => !!p && !/credit/i.test(p.kind));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return [];
    throw e;
  }
}

// ---- accounts (issue 8)
let meCache: Promise<Me | undefined> | undefined;

export function me(refresh = false): Promise<Me | undefined> {
  if (!meCache || refresh) {
    meCache = api.get("/api/me").then(n.me).catch((e) => {
      if (e instanceof ApiError && e.status === 401) return undefined;
      meCache = undefined;
      throw e;
    });
  }
  return meCache;
}

/** The current user, creating a guest session first when the parent has no account yet. */
export async function ensureSession(): Promise<Me> {
  const current = await me();
  if (current) return current;
  const guest = n.me(await api.post("/api/auth/guest"));
  meCache = Promise.resolve(guest ?? (await me(true)));
  const now = await meCache;
  if (!now) throw new ApiError(0, "no_session", "We couldn't start a session. Please allow cookies and try again.");
  return now;
}

export async function signup(email: string, password: string): Promise<Me | undefined> {
  await api.post("/api/auth/signup", { email, password });
  return me(true);
}

export async function login(email: string, password: string): Promise<Me | undefined> {
  await api.post("/api/auth/login", { email, password });
  return me(true);
}

export async function logout(): Promise<void> {
  await api.post("/api/auth/logout");
  meCache = Promise.resolve(undefined);
}

export async function deleteAccount(): Promise<void> {
  await api.del("/api/me");
  meCache = Promise.resolve(undefined);
}

// ---- photos (issue 4)
export async function uploadPhoto(file: File): Promise<Photo> {
  await ensureSession();
  const form = new FormData();
  form.append("photo", file, file.name || "photo");
  const p = n.photo(await api.post("/api/photos", form));
  if (!p) throw new ApiError(0, "bad_response", "The photo was received but the answer was incomplete. Please try again.");
  return p;
}

// ---- books (issue 5)
export interface NewBook {
  child: { name: string; age: number; pronouns: string; companion?: string; favourite_colour?: string };
  photo_id: string;
  theme: string;
  style: string;
}

export async function createBook(req: NewBook): Promise<Book> {
  await ensureSession();
  const b = n.book(await api.post("/api/books", req));
  if (!b) throw new ApiError(0, "bad_response", "The book was started but the answer was incomplete.");
  return b;
}

export async function book(id: string): Promise<Book> {
  const b = n.book(await api.get(`/api/books/${enc(id)}`));
  if (!b) throw new ApiError(404, "not_found", "We couldn't find that book.");
  return b;
}

export async function pages(id: string): Promise<Page[]> {
  return n.listOf(await api.get(`/api/books/${enc(id)}/pages`), "pages").map(n.page);
}

export async function regeneratePage(id: string, pageNumber: number): Promise<unknown> {
  return api.post(`/api/books/${enc(id)}/pages/${pageNumber}/regenerate`);
}

export async function retryBook(id: string): Promise<unknown> {
  return api.post(`/api/books/${enc(id)}/retry`);
}

export async function library(cursor?: string): Promise<Paged<Book>> {
  const q = cursor ? `&cursor=${enc(cursor)}` : "";
  return n.paged(await api.get(`/api/books?limit=20${q}`), "books", n.book);
}

export async function deleteBook(id: string): Promise<void> {
  await api.del(`/api/books/${enc(id)}`);
}

export const downloadHref = (id: string, format = "pdf") => `/api/books/${enc(id)}/download?format=${enc(format)}`;
export const eventsHref = (id: string) => `/api/books/${enc(id)}/events`;

// ---- commerce (issue 6)
export interface ShippingAddress {
  name: string; line1: string; line2?: string; city: string; postal_code: string;
  region?: string; country: string; phone?: string;
}

export interface CheckoutStarted { orderId?: string; checkoutUrl: string }

export interface CheckoutRequest { product: string; shippingOption?: string; shipping?: ShippingAddress; email?: string }

export async function checkout(id: string, req: CheckoutRequest): Promise<CheckoutStarted> {
  const origin = window.location.origin;
  const raw = await api.post<Record<string, unknown>>(`/api/books/${enc(id)}/checkout`, {
    product: req.product,
    ...(req.shipping ? { shipping_address: req.shipping, shipping_option: req.shippingOption } : {}),
    ...(req.email ? { email: req.email } : {}),
    // Where a provider sends the parent back; providers that fix their own return pages ignore these.
    success_url: `${origin}/books/${enc(id)}/confirmation`,
    cancel_url: `${origin}/books/${enc(id)}/checkout?cancelled=1`,
  });
  const url = typeof raw?.checkout_url === "string" ? raw.checkout_url : undefined;
  if (!url) throw new ApiError(0, "bad_response", "The payment page could not be opened. Please try again.");
  const o = (raw.order ?? {}) as Record<string, unknown>;
  return { checkoutUrl: url, orderId: (raw.order_id ?? o.id) as string | undefined };
}

export async function orders(cursor?: string): Promise<Paged<Order>> {
  const q = cursor ? `&cursor=${enc(cursor)}` : "";
  return n.paged(await api.get(`/api/orders?limit=20${q}`), "orders", n.order);
}

export async function order(id: string): Promise<Order | undefined> {
  return n.order(await api.get(`/api/orders/${enc(id)}`));
}

// ---- children and credits (issue 8)
export interface SavedChild { id: string; name: string; age?: number; pronouns?: string; companion?: string; colour?: string }

/** The signed-in parent's saved children; none for a visitor without a session. */
export async function children(): Promise<SavedChild[]> {
  if (!(await me())) return [];
  return n.listOf(await api.get("/api/children"), "children").map((v) => {
    const o = (v ?? {}) as Record<string, unknown>;
    return {
      id: String(o.id ?? ""), name: String(o.name ?? ""), age: typeof o.age === "number" ? o.age : undefined,
      pronouns: typeof o.pronouns === "string" ? o.pronouns : undefined,
      companion: typeof o.companion === "string" ? o.companion : undefined,
      colour: typeof o.favourite_colour === "string" ? o.favourite_colour : undefined,
    };
  }).filter((c) => c.id && c.name);
}

/** The credit balance where the shop sells credits; undefined where it does not. */
export async function creditBalance(): Promise<number | undefined> {
  try {
    const raw = (await api.get<Record<string, unknown>>("/api/credits")) ?? {};
    return typeof raw.balance === "number" ? raw.balance : undefined;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 401)) return undefined;
    throw e;
  }
}

// ---- mailed links and sessions (issue 8)
export const requestPasswordReset = (email: string) => api.post("/api/auth/reset-request", { email });
export const resetPassword = (token: string, newPassword: string) => api.post("/api/auth/reset", { token, new_password: newPassword });
export const claimGuest = (token: string) => api.post<{ claimed?: unknown }>("/api/auth/claim", { token });
export async function logoutEverywhere(): Promise<void> {
  await api.post("/api/auth/logout-all");
  meCache = Promise.resolve(undefined);
}
