// Preview: the watermarked pages in a page-turning view, the locked ones with the call to
// unlock, page redraws within the book's limit, and for a bought book the download.
import { useEffect, useState } from "preact/hooks";
import * as R from "../api/resources";
import type { Book, Page } from "../api/types";
import { DOWNLOADABLE, PREVIEWABLE, statusLabel, possessive } from "../lib/format";
import { navigate } from "../lib/router";
import { useAsync } from "../lib/useAsync";
import { BookViewer } from "../ui/BookViewer";
import { DownloadLink } from "../ui/DownloadLink";
import { ErrorNotice, Loading, Notice } from "../ui/Notice";

function Redraw({ book, page, onDone }: { book: Book; page: Page; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (book.status !== "preview_ready" || page.locked || !page.imageUrl) return null;
  if (book.regenerationsLeft === 0) return <p class="small muted">You've used all the redraws for this book.</p>;
  const redraw = async () => {
    setBusy(true); setError(undefined);
    try {
      await R.regeneratePage(book.id, page.number);
      // The new picture replaces the old one once drawn; look for a new URL for up to a minute.
      for (let k = 0; k < 30; k++) {
        await new Promise((r) => setTimeout(r, 2000));
        const now = (await R.pages(book.id)).find((x) => x.number === page.number);
        if (now?.imageUrl && now.imageUrl.split("?")[0] !== page.imageUrl!.split("?")[0]) break;
      }
      onDone();
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <div class="stack redraw">
      <button class="btn btn-sm" onClick={redraw} disabled={busy}>
        {busy && <span class="spinner" aria-hidden="true" />}{busy ? "Redrawing…" : "Redraw this picture"}
      </button>
      {book.regenerationsLeft !== undefined && <p class="small muted">{book.regenerationsLeft} redraw{book.regenerationsLeft === 1 ? "" : "s"} left for this book</p>}
      <ErrorNotice error={error} />
    </div>
  );
}

export function Preview({ id }: { id: string }) {
  const data = useAsync(async () => {
    const book = await R.book(id);
    return { book, pages: PREVIEWABLE.has(book.status) ? await R.pages(id) : [] };
  }, [id]);
  const book = data.data?.book;
  useEffect(() => {
    // A bought book is being finished: look again every few seconds until it can be downloaded.
    if (!book || !["paid", "finalizing", "payment_pending"].includes(book.status)) return;
    const t = window.setTimeout(data.reload, 3000);
    return () => clearTimeout(t);
  }, [book]);
  useEffect(() => {
    if (book && (book.status === "generating" || book.status === "draft")) navigate(`/books/${encodeURIComponent(id)}/progress`, { replace: true });
  }, [book?.status]);

  if (data.loading && !data.data) return <div class="container"><Loading label="Opening the book…" /></div>;
  if (data.error) return (
    <div class="container narrow stack">
      <ErrorNotice error={data.error} title="We couldn't open this book." />
      <p class="row"><a class="btn" href="/library">Go to My books</a><a class="btn btn-quiet" href="/create">Create a new book</a></p>
    </div>
  );
  if (!book) return null;
  const pages = data.data!.pages;
  const lockedCount = pages.filter((p) => p.locked).length;
  const bought = DOWNLOADABLE.has(book.status);
  const checkoutHref = `/books/${encodeURIComponent(id)}/checkout`;
  const s = statusLabel(book.status);

  return (
    <div class="container book-wide">
      <div class="page-title row between">
        <div>
          <h1>{book.title ?? (book.childName ? `${possessive(book.childName)} book` : "Your book")}</h1>
          <p><span class={`badge badge-${s.tone}`}>{s.label}</span></p>
        </div>
        {bought ? <DownloadLink book={book} />
          : lockedCount > 0 && <a class="btn btn-primary btn-lg" href={checkoutHref}>Unlock the full book</a>}
      </div>
      {!PREVIEWABLE.has(book.status) && <Notice>This book has no preview right now ({s.label.toLowerCase()}).</Notice>}
      {lockedCount > 0 && <p class="muted">The preview pages carry a “PREVIEW” watermark. The book you buy doesn't.</p>}
      {book.status === "paid" || book.status === "finalizing" ? <Notice>Thank you! We're preparing the full-resolution book; this page updates when it's ready.</Notice> : null}
      {pages.length > 0 && (
        <BookViewer pages={pages}
          locked={<>
            <p><strong>This page is part of the full book</strong></p>
            <p class="small">{lockedCount} more pages continue the adventure.</p>
            <a class="btn btn-primary" href={checkoutHref}>Unlock the full book</a>
          </>}
          pageActions={(p) => <Redraw book={book} page={p} onDone={data.reload} />} />
      )}
    </div>
  );
}
