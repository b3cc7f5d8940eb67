// Confirmation: where the payment provider sends the parent back. Watches the book until the
// full PDF is ready (or the payment turns out declined) and offers the download.
import { useEffect, useState } from "preact/hooks";
import * as R from "../api/resources";
import type { Book, Order } from "../api/types";
import { DOWNLOADABLE, possessive } from "../lib/format";
import { DownloadLink } from "../ui/DownloadLink";
import { ErrorNotice, Loading } from "../ui/Notice";

const DECLINED = new Set(["failed", "declined", "payment_failed", "cancelled"]);

/** The newest order for this book, when the provider sent the parent back without its id. */
async function latestOrderFor(bookId: string): Promise<Order | undefined> {
  try {
    return (await R.orders()).items.find((o) => o.bookId === bookId);
  } catch {
    return undefined; // no orders API: the book's own status still tells the story
  }
}

export function Confirmation({ id, query }: { id: string; query: URLSearchParams }) {
  const [book, setBook] = useState<Book>();
  const [order, setOrder] = useState<Order>();
  const [error, setError] = useState<unknown>();
  const [slow, setSlow] = useState(false);
  const orderId = query.get("order") ?? query.get("order_id") ?? undefined;

  useEffect(() => {
    let stop = false, timer = 0, looks = 0;
    const look = async () => {
      if (++looks > 90) { setSlow(true); return; } // three minutes: stop asking, say what happens next
      try {
        const [b, o] = await Promise.all([R.book(id), orderId ? R.order(orderId) : latestOrderFor(id)]);
        if (stop) return;
        setBook(b); setOrder(o); setError(undefined);
        if (DOWNLOADABLE.has(b.status) || (o && DECLINED.has(o.status))) return;
      } catch (e) { if (!stop) setError(e); }
      timer = window.setTimeout(look, 2000);
    };
    look();
    return () => { stop = true; clearTimeout(timer); };
  }, [id, orderId]);

  const declined = (order !== undefined && DECLINED.has(order.status)) || query.get("status") === "declined";
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
              <p>{book.childName ? possessive(book.childName) : "Your"} book is unlocked. We've also emailed you a download link.</p>
              {order?.shipsTo && <p data-testid="ships-to">The printed hardcover will be sent to {order.shipsTo}; you can follow it under Orders in <a href="/library">My books</a>.</p>}
              <p><DownloadLink book={book} size="lg" /></p>
              <p><a href={`/books/${encodeURIComponent(id)}`}>Read it here</a> · <a href="/library">My books</a></p>
            </>
          ) : (
            <>
              <p>We're confirming the payment and preparing the full book in print quality. This usually takes under a minute.</p>
              {slow ? <p>This is taking longer than usual. We'll email you the download link as soon as the book is ready, and it will appear in <a href="/library">My books</a>.</p>
                : <Loading label="Preparing your book…" />}
            </>
          )}
        </div>
      )}
    </div>
  );
}
