// Formatting for what parents read: money from integer minor units, dates, book statuses.
import type { Money } from "../api/types";

export function formatMoney(m: Money): string {
  const f = new Intl.NumberFormat(undefined, { style: "currency", currency: m.currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(m.amountMinor / 10 ** digits);
}

/** The sum of amounts in one currency (a checkout total); undefined if any is missing or differs. */
export function addMoney(...ms: (Money | undefined)[]): Money | undefined {
  if (!ms.length || ms.some((m) => !m || m.currency !== ms[0]!.currency)) return undefined;
  return { amountMinor: ms.reduce((sum, m) => sum + m!.amountMinor, 0), currency: ms[0]!.currency };
}

/** "Emma’s", "James’s": the story engine's typographic possessive, so titles and pages agree. */
export const possessive = (name: string): string => `${name}’s`;

export function formatDate(iso?: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

const STATUS: Record<string, { label: string; tone: "ok" | "wait" | "bad" | "" }> = {
  draft: { label: "Draft", tone: "" },
  generating: { label: "Being made", tone: "wait" },
  preview_ready: { label: "Preview ready", tone: "ok" },
  payment_pending: { label: "Awaiting payment", tone: "wait" },
  paid: { label: "Paid · preparing", tone: "wait" },
  finalizing: { label: "Preparing your PDF", tone: "wait" },
  ready: { label: "Ready to download", tone: "ok" },
  printing: { label: "Printing", tone: "wait" },
  shipped: { label: "Shipped", tone: "ok" },
  delivered: { label: "Delivered", tone: "ok" },
  failed: { label: "Needs attention", tone: "bad" },
  expired: { label: "Preview expired", tone: "" },
  refunded: { label: "Refunded", tone: "" },
  cancelled: { label: "Cancelled", tone: "" },
  pending: { label: "Pending", tone: "wait" },
  awaiting_print_partner: { label: "Waiting for the printer", tone: "wait" },
  declined: { label: "Payment declined", tone: "bad" },
};

export function statusLabel(status: string): { label: string; tone: string } {
  return STATUS[status] ?? { label: status.replace(/_/g, " "), tone: "" };
}

const ORDER_STATUS: Record<string, { label: string; tone: "ok" | "wait" | "bad" | "" }> = {
  pending: { label: "Started", tone: "" },
  payment_pending: { label: "Awaiting payment", tone: "wait" },
  paid: { label: "Paid", tone: "ok" },
  fulfilled: { label: "Delivered", tone: "ok" },
  delivered: { label: "Delivered", tone: "ok" },
  awaiting_print_partner: { label: "Waiting for the printer", tone: "wait" },
  printing: { label: "Printing", tone: "wait" },
  shipped: { label: "Shipped", tone: "ok" },
  failed: { label: "Payment declined", tone: "bad" },
  declined: { label: "Payment declined", tone: "bad" },
  payment_failed: { label: "Payment declined", tone: "bad" },
  cancelled: { label: "Cancelled", tone: "" },
  refunded: { label: "Refunded", tone: "" },
};

export function orderStatusLabel(status: string): { label: string; tone: string } {
  return ORDER_STATUS[status] ?? statusLabel(status);
}

/** Statuses in which the full book (PDF) can be downloaded. */
export const DOWNLOADABLE = new Set(["ready", "printing", "shipped", "delivered"]);
/** Statuses in which the watermarked preview exists. */
export const PREVIEWABLE = new Set(["preview_ready", "payment_pending", "paid", "finalizing", "ready", "printing", "shipped", "delivered"]);
