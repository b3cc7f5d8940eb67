// Generating: the book being made, live. The URL holds the book id, so a reload reconnects.
import { useEffect, useState } from "preact/hooks";
import * as R from "../api/resources";
import type { Book, Page } from "../api/types";
import { PREVIEWABLE, possessive } from "../lib/format";
import { navigate } from "../lib/router";
import { useBookProgress } from "../lib/useBookProgress";
import { pageLabel } from "../ui/BookViewer";
import { ErrorNotice, Loading } from "../ui/Notice";

function eta(seconds?: number): string {
  if (seconds === undefined || seconds <= 0) return "";
  if (seconds < 60) return "less than a minute left";
  const m = Math.round(seconds / 60);
  return `about ${m} minute${m === 1 ? "" : "s"} left`;
}

// One slot per page: its watermarked picture as soon as the page is finished (the workers make
// pages one by one, in order), a tick for finished pages that stay locked until payment, else
// the page number.
function PageSlots({ pages, total, done }: { pages: Page[]; total: number; done: number }) {
  const n = Math.max(total, pages.length);
  if (!n) return null;
  return (
    <ol class="page-slots" aria-label="Pages">
      {Array.from({ length: n }, (_, i) => pages[i]).map((p, i) => {
        const made = !!p?.imageUrl || i < done;
        const name = p ? pageLabel(p) : `Page ${i + 1}`;
        return (
          <li class={`frame${made ? " made" : ""}`} data-testid={made ? "page-made" : "page-waiting"}>
            {p?.imageUrl ? <img src={p.imageUrl} alt={`${name}, finished`} />
              : made ? <span class="slot-label"><span aria-hidden="true">✓</span><span class="visually-hidden">{name}, finished</span></span>
              : <span class="slot-label small"><span aria-hidden="true">{i + 1}</span><span class="visually-hidden">{name}, waiting</span></span>}
          </li>
        );
      })}
    </ol>
  );
}

function Failed({ book }: { book: Book }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const retry = async () => {
    setBusy(true); setError(undefined);
    try { await R.retryBook(book.id); location.reload(); } catch (e) { setError(e); setBusy(false); }
  };
  return (
    <div class="stack">
      <ErrorNotice error={new Error(book.failure?.message ?? "Something went wrong while making the book.")} title="We couldn't finish this book" />
      <ErrorNotice error={error} />
      {(book.retriesLeft ?? 1) > 0
        ? <button class="btn btn-primary" onClick={retry} disabled={busy}>Try again</button>
        : <p>We've tried several times. Please start a new book, perhaps with a different photo.</p>}
    </div>
  );
}

export function Generating({ id }: { id: string }) {
  const { book, pages, error, transport } = useBookProgress(id);
  useEffect(() => {
    if (book && PREVIEWABLE.has(book.status)) navigate(`/books/${encodeURIComponent(id)}`, { replace: true });
  }, [book?.status]);

  if (!book) return <div class="container narrow">{error ? <ErrorNotice error={error} /> : <Loading label="Finding your book…" />}</div>;
  const p = book.progress;
  const percent = Math.round(p?.percent ?? 0);
  return (
    <div class="container narrow">
      <div class="page-title">
        <h1>{book.childName ? `Making ${possessive(book.childName)} book` : "Making your book"}</h1>
        <p>You can leave this page open, or come back later: your book keeps being made.</p>
      </div>
      {book.status === "failed" ? <Failed book={book} /> : (
        <div class="card stack" data-transport={transport}>
          <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Progress">
            <span style={{ width: `${percent}%` }} />
          </div>
          <p class="step-now" aria-live="polite" data-testid="current-step">
            <strong>{p?.currentStep || "Getting started…"}</strong>
            <span class="muted"> · {percent}%{eta(p?.etaSeconds) && ` · ${eta(p?.etaSeconds)}`}</span>
          </p>
          {p && p.pagesTotal > 0 && <p class="small muted">{p.pagesCompleted} of {p.pagesTotal} pages finished</p>}
          <PageSlots pages={pages} total={p?.pagesTotal ?? 0} done={p?.pagesCompleted ?? 0} />
          {error !== undefined && <ErrorNotice error={error} title="We lost touch with the server; retrying…" />}
        </div>
      )}
    </div>
  );
}
