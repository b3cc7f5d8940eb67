// Confirmation: where the payment provider sends the parent back. Watches the book until the
// full PDF is ready (or the payment turns out declined) and offers the download.
import { useEffect, useState } from "preact/hooks";
import * as R from "../api/resources";
import type { Book, Order } from "../api/types";
import { DOWNLOADABLE } from "../lib/format";
import { ErrorNotice, Loading } from "../ui/Notice";

const DECLINED = new Set(["failed", "declined", "payment_failed", "cancelled"]);

export function Confirmation({ id, query }: { id: string; query: URLSearchParams }) {
  const [book, setBook] = useState<Book>();
  const [order, setOrder] = useState<Order>();
  const [error, setError] = useState<unknown>();
  const orderId = query.get("order") ?? query.get("order_id") ?? undefined;

  useEffect(() => {
    let stop = false, timer = 0;
    const look = async () => {
      try {
        const [b, o] = await Promise.all([R.book(id), orderId ? R.order(orderId) : Promise.resolve(undefined)]);
        if (stop) return;
        setBook(b); setOrder(o); setError(undefined);
        if (DOWNLOADABLE.has(b.status) || (o && DECLINED.has(o.status))) return;
      } catch (e) { if (!stop) setError(e); }
      timer = window.setTimeout(look, 2000);
    };
    look();
    return () => { stop = true; clearTimeout(timer); };
  }, [id, orderId]);

  const declined = order && DECLINED.has(order.status) || book?.status === "preview_ready" && query.get("status") === "declined";
  const ready = book && DOWNLOADABLE.has(book.status);
  return (
    <div class="container narrow">
      {!book && !error && <Loading label="Checking your payment…" />}
      <ErrorNotice error={error} />
      {book && declined && (
        <div class="card stack" data-testid="payment-declined">
          <h1>The payment was declined</h1>
          <p>You have not been charged, and your preview is still saved.</p>
          <a class="btn btn-primary" href={`/books/${encodeURIComponent(id)}/checkout`}>Try again</a>
        </div>
      )}
      {book && !declined && (
        <div class="card stack center confirm">
          <h1>{ready ? "Your book is ready!" : "Thank you!"}</h1>
          {ready ? (
            <>
              <p>{book.childName ? `${book.childName}'s` : "Your"} book is unlocked. We've also emailed you a download link.</p>
              <p><a class="btn btn-primary btn-lg" href={R.downloadHref(id)} data-testid="download-pdf">Download the PDF</a></p>
              <p><a href={`/books/${encodeURIComponent(id)}`}>Read it here</a> · <a href="/library">My books</a></p>
            </>
          ) : (
            <>
              <p>We're confirming the payment and preparing the full book in print quality. This usually takes under a minute.</p>
              <Loading label="Preparing your book…" />
            </>
          )}
        </div>
      )}
    </div>
  );
}
