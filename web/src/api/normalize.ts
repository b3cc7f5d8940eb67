// Converts the API's JSON into the app's types. Tolerant of the small naming differences that
// appear while the API grows (e.g. `title` or `name`, a bare list or `{items: [...]}`), strict
// about nothing the UI can do without: missing ids give no object.
import type { ArtStyle, Book, FaceBox, Me, Money, Order, Page, Paged, Photo, Product, Progress, ShippingOption, Theme, Verdict } from "./types";

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === "object" && !Array.isArray(v) ? (v as J) : {});
const str = (...vs: unknown[]): string | undefined => {
  for (const v of vs) if (typeof v === "string" && v) return v;
  for (const v of vs) if (typeof v === "number") return String(v);
  return undefined;
};
const num = (...vs: unknown[]): number | undefined => {
  for (const v of vs) if (typeof v === "number" && Number.isFinite(v)) return v;
  return undefined;
};

/** A time as ISO 8601: the API sends Unix seconds; ISO strings pass through. */
const time = (...vs: unknown[]): string | undefined => {
  for (const v of vs) {
    if (typeof v === "number" && Number.isFinite(v)) return new Date(v * 1000).toISOString();
    if (typeof v === "string" && v) return v;
  }
  return undefined;
};

/** A list from `[...]`, `{items:[...]}` or `{<key>:[...]}`. */
export function listOf(raw: unknown, key: string): unknown[] {
  if (Array.isArray(raw)) return raw;
  const o = obj(raw);
  for (const k of [key, "items", "data", "results"]) if (Array.isArray(o[k])) return o[k] as unknown[];
  return [];
}

export function paged<T>(raw: unknown, key: string, one: (v: unknown) => T | undefined): Paged<T> {
  const o = obj(raw);
  const items = listOf(raw, key).map(one).filter((x): x is T => x !== undefined);
  return { items, nextCursor: str(o.next_cursor, o.cursor, obj(o.page).next_cursor) };
}

const imageUrl = (v: unknown): string | undefined =>
  typeof v === "string" ? v : str(obj(v).url, obj(v).image_url, obj(v).src);

export function money(v: unknown): Money | undefined {
  const o = obj(v);
  const amount = num(o.amount_minor, o.amount, o.minor, o.unit_amount, o.price_minor);
  const currency = str(o.currency);
  return amount !== undefined && currency ? { amountMinor: amount, currency: currency.toUpperCase() } : undefined;
}

export function theme(v: unknown): Theme | undefined {
  const o = obj(v);
  const id = str(o.id, o.slug, o.key);
  if (!id) return undefined;
  const samples = [
    ...listOf(o.sample_pages ?? o.samples ?? o.sample_images, "pages").map(imageUrl),
    imageUrl(o.sample_image_url ?? o.sample_url ?? o.sample_image ?? o.sample ?? o.image_url ?? o.cover_url),
  ].filter((x): x is string => !!x);
  const ages = obj(o.ages ?? o.age_range);
  const ageRange = str(o.age_range) ?? (num(ages.min) !== undefined ? `${ages.min}–${ages.max}` : undefined);
  return {
    id, title: str(o.title, o.name) ?? id,
    description: str(o.description, o.summary, o.blurb) ?? "",
    sampleImages: [...new Set(samples)], ageRange,
  };
}

export function artStyle(v: unknown): ArtStyle | undefined {
  const o = obj(v);
  const id = str(o.id, o.slug, o.key);
  if (!id) return undefined;
  return {
    id, title: str(o.title, o.name) ?? id, description: str(o.description, o.summary) ?? "",
    sampleImage: imageUrl(o.sample_image_url ?? o.sample_url ?? o.sample_image ?? o.image_url),
  };
}

export function product(v: unknown): Product | undefined {
  const o = obj(v);
  const id = str(o.id, o.kind, o.sku, o.key);
  if (!id) return undefined;
  const kind = str(o.kind, o.type) ?? id;
  return {
    id, kind, title: str(o.title, o.name) ?? id, description: str(o.description, o.summary) ?? "",
    price: money(o.price) ?? money(o),
    needsShipping: o.requires_shipping === true || o.shippable === true || o.physical === true || /print|hardcover/i.test(kind),
    shipping: listOf(o.shipping ?? o.shipping_options, "options").map(shippingOption).filter((x): x is ShippingOption => !!x),
  };
}

export function shippingOption(v: unknown): ShippingOption | undefined {
  const o = obj(v);
  const id = str(o.id);
  if (!id) return undefined;
  return {
    id, title: str(o.name, o.title) ?? id, price: money(o.price),
    daysMin: num(o.days_min), daysMax: num(o.days_max), needsPhone: o.needs_phone === true,
  };
}

export function faceBox(v: unknown): FaceBox | undefined {
  if (Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === "number")) {
    return { x: v[0], y: v[1], width: v[2], height: v[3] };
  }
  const o = obj(v);
  const x = num(o.x, o.left), y = num(o.y, o.top);
  const w = num(o.width, o.w) ?? (num(o.right) !== undefined && x !== undefined ? (o.right as number) - x : undefined);
  const h = num(o.height, o.h) ?? (num(o.bottom) !== undefined && y !== undefined ? (o.bottom as number) - y : undefined);
  return x !== undefined && y !== undefined && w !== undefined && h !== undefined ? { x, y, width: w, height: h } : undefined;
}

export function verdict(v: unknown): Verdict {
  const o = obj(v);
  const reason = obj(o.reason);
  return {
    accepted: o.accepted === true,
    faceBox: faceBox(o.face_box),
    faceCount: num(o.face_count),
    reason: str(o.reason_code, reason.code, o.reason),
    message: str(o.message, reason.message, o.parent_message, o.sentence),
    hint: str(o.hint, reason.hint),
  };
}

export function photo(v: unknown): Photo | undefined {
  const o = obj(v);
  const id = str(o.id, o.photo_id);
  if (!id) return undefined;
  return { id, width: num(o.width) ?? 0, height: num(o.height) ?? 0, verdict: verdict(o.verdict) };
}

export function progress(v: unknown): Progress | undefined {
  const o = obj(v);
  if (!Object.keys(o).length) return undefined;
  return {
    percent: Math.max(0, Math.min(100, num(o.percent) ?? 0)),
    currentStep: str(o.current_step, o.step, o.message) ?? "",
    pagesCompleted: num(o.pages_completed, o.pages_done) ?? 0,
    pagesTotal: num(o.pages_total) ?? 0,
    etaSeconds: num(o.eta_seconds),
  };
}

export function book(v: unknown): Book | undefined {
  const o = obj(v);
  const id = str(o.id, o.book_id);
  if (!id) return undefined;
  const child = obj(o.child);
  const failure = obj(o.failure);
  return {
    id, status: str(o.status) ?? "unknown", title: str(o.title),
    childName: str(child.name, o.child_name), theme: str(o.theme, o.theme_id),
    progress: progress(o.progress),
    failure: str(failure.message) ? { code: str(failure.code) ?? "failed", message: str(failure.message)! } : undefined,
    retriesLeft: num(o.retries_left), regenerationsLeft: num(o.regenerations_left, o.regenerations_remaining),
    createdAt: time(o.created_at), expiresAt: time(o.expires_at),
    coverUrl: imageUrl(o.cover_url ?? o.cover_image_url ?? obj(o.cover).image_url),
  };
}

export function page(v: unknown, index: number): Page {
  const o = obj(v);
  return {
    number: num(o.number, o.page, o.index) ?? index + 1,
    kind: str(o.kind, o.type) ?? "page",
    text: str(o.text) ?? "",
    imageUrl: imageUrl(o.image_url ?? o.preview_url ?? o.url ?? o.image),
    locked: o.locked === true,
  };
}

export function order(v: unknown): Order | undefined {
  const o = obj(v);
  const id = str(o.id, o.order_id);
  if (!id) return undefined;
  const items = listOf(o.items, "items").map(obj);
  const ship = obj(o.shipping_address);
  const links = listOf(o.download_links ?? o.downloads, "links").map(imageUrl).filter(Boolean) as string[];
  return {
    id, status: str(o.status) ?? "unknown",
    bookId: str(o.book_id, items[0]?.book_id),
    product: str(o.product, items[0]?.product, items[0]?.kind, items[0]?.title),
    total: money(o.total) ?? money(o.amount) ?? money({ amount_minor: o.total_minor ?? o.amount_minor, currency: o.currency }),
    createdAt: time(o.created_at), downloadUrl: str(o.download_url) ?? links[0],
    shipsTo: [str(ship.city), str(ship.country)].filter(Boolean).join(", ") || undefined,
    history: listOf(o.status_history ?? o.history, "history").map(obj)
      .map((h) => ({ status: str(h.status, h.to) ?? "", at: time(h.at, h.created_at, h.time) })),
  };
}

export function me(v: unknown): Me | undefined {
  const o = obj(obj(v).user ?? v);
  const id = str(o.id, o.user_id);
  if (!id) return undefined;
  const email = str(o.email);
  return { id, email, name: str(o.display_name, o.name), guest: o.guest === true || o.is_guest === true || o.kind === "guest" || o.role === "guest" || !email };
}
