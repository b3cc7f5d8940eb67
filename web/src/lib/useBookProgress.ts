// Live progress of one book: Server-Sent Events from GET /api/books/{id}/events, falling back to
// polling GET /api/books/{id} when the stream is unavailable. Any event whose JSON carries a
// status or progress updates the book; pages are re-read when more of them are finished, so they
// appear as they are made. State lives on the server, so a reload simply reconnects.
import { useEffect, useRef, useState } from "preact/hooks";
import { book as toBook, progress as toProgress } from "../api/normalize";
import * as R from "../api/resources";
import type { Book, Page } from "../api/types";

const TERMINAL = new Set(["preview_ready", "failed", "expired", "cancelled", "refunded", "payment_pending", "paid", "finalizing", "ready", "printing", "shipped", "delivered"]);
const POLL_MS = 2000;

export interface Live { book?: Book; pages: Page[]; error?: unknown; transport: "stream" | "polling" | "idle" }

function merge(prev: Book | undefined, id: string, data: Record<string, unknown>): Book | undefined {
  const whole = toBook({ id, ...data });
  if (!whole) return prev;
  const p = toProgress(data.progress ?? (data.percent !== undefined ? data : undefined));
  return {
    ...(prev ?? whole), ...Object.fromEntries(Object.entries(whole).filter(([, v]) => v !== undefined)),
    status: typeof data.status === "string" ? data.status : prev?.status ?? whole.status,
    progress: p ?? prev?.progress,
  } as Book;
}

export function useBookProgress(id: string): Live {
  const [live, setLive] = useState<Live>({ pages: [], transport: "idle" });
  const pagesSeen = useRef(-1);

  useEffect(() => {
    let stopped = false, es: EventSource | undefined, timer: number | undefined, failures = 0;
    pagesSeen.current = -1;

    const refreshPages = (b: Book) => {
      const done = b.progress?.pagesCompleted ?? 0;
      if (done === pagesSeen.current && !TERMINAL.has(b.status)) return;
      pagesSeen.current = done;
      R.pages(id).then((pages) => !stopped && setLive((l) => ({ ...l, pages })), () => { /* pages may not exist yet */ });
    };
    let current: Book | undefined;
    const apply = (data: Record<string, unknown>) => {
      const b = merge(current, id, data);
      if (!b) return;
      current = b;
      setLive((l) => ({ ...l, book: b, error: undefined }));
      refreshPages(b);
      if (TERMINAL.has(b.status)) es?.close();
    };
    const poll = async () => {
      if (stopped) return;
      try {
        const b = await R.book(id);
        if (stopped) return;
        setLive((l) => ({ ...l, book: b, error: undefined, transport: "polling" }));
        refreshPages(b);
        if (TERMINAL.has(b.status)) return;
      } catch (e) {
        if (!stopped) setLive((l) => ({ ...l, error: e }));
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    const onMessage = (ev: MessageEvent) => {
      try { apply(JSON.parse(ev.data)); } catch { /* a comment or keep-alive */ }
    };

    R.book(id).then((b) => {
      if (stopped) return;
      current = b;
      setLive((l) => ({ ...l, book: b }));
      refreshPages(b);
      if (TERMINAL.has(b.status)) return;
      if (typeof EventSource === "undefined") { poll(); return; }
      es = new EventSource(R.eventsHref(id));
      setLive((l) => ({ ...l, transport: "stream" }));
      es.onmessage = onMessage;
      for (const name of ["progress", "status", "page", "book", "done"]) es.addEventListener(name, onMessage as EventListener);
      es.onerror = () => {
        // EventSource reconnects by itself; after repeated failures (or a closed stream before
        // the book is done) switch to polling, which also picks up the final state.
        if (++failures >= 3 || es?.readyState === EventSource.CLOSED) { es?.close(); if (!stopped) poll(); }
      };
    }, (e) => !stopped && setLive((l) => ({ ...l, error: e })));

    return () => { stopped = true; es?.close(); if (timer) clearTimeout(timer); };
  }, [id]);

  return live;
}
