// My books: every book with its status, open / download / delete, and the order history.
import { useState } from "preact/hooks";
import * as R from "../api/resources";
import type { Book, Order } from "../api/types";
import { DOWNLOADABLE, formatDate, formatMoney, orderStatusLabel, PREVIEWABLE, statusLabel, possessive } from "../lib/format";
import { useAsync } from "../lib/useAsync";
import { DownloadLink } from "../ui/DownloadLink";
import { ErrorNotice, Loading } from "../ui/Notice";

function BookCard({ b, onDeleted }: { b: Book; onDeleted: () => void }) {
  const [error, setError] = useState<unknown>();
  const s = statusLabel(b.status);
  // The book's own cover once the API offers one; until then its theme's sample picture.
  const cover = b.coverUrl ?? (b.theme ? `/api/themes/${encodeURIComponent(b.theme)}/sample` : undefined);
  const href = `/books/${encodeURIComponent(b.id)}${b.status === "generating" ? "/progress" : ""}`;
  const del = async () => {
    if (!confirm(`Delete ${b.title ?? "this book"}? This can't be undone.`)) return;
    try { await R.deleteBook(b.id); onDeleted(); } catch (e) { setError(e); }
  };
  return (
    <article class="card book-card" data-testid="library-book" data-status={b.status}>
      <a class="frame" href={href} tabIndex={-1} aria-hidden="true">{cover && <img src={cover} alt="" loading="lazy" />}</a>
      <div>
        <h3><a href={href}>{b.title ?? (b.childName ? `${possessive(b.childName)} book` : "Untitled book")}</a></h3>
        <p class="small muted">{formatDate(b.createdAt)}</p>
        <span class={`badge badge-${s.tone}`}>{s.label}</span>
      </div>
      <div class="row book-actions">
        {DOWNLOADABLE.has(b.status) && <DownloadLink book={b} size="sm" label="Download PDF" />}
        {b.status === "preview_ready" && <a class="btn btn-sm btn-primary" href={`${href}/checkout`}>Unlock</a>}
        {PREVIEWABLE.has(b.status) && <a class="btn btn-sm" href={href}>{DOWNLOADABLE.has(b.status) ? "Read" : "Open"}</a>}
        <button class="btn btn-sm btn-quiet" onClick={del}>Delete</button>
      </div>
      <div class="book-actions"><ErrorNotice error={error} /></div>
    </article>
  );
}

function Orders() {
  const o = useAsync(() => R.orders(), []);
  if (o.loading) return <Loading label="Loading orders…" />;
  if (o.error) return <ErrorNotice error={o.error} title="Orders couldn't be loaded." />;
  if (!o.data?.items.length) return <p class="muted">No orders yet.</p>;
  return (
    <table class="table orders">
      <thead><tr><th scope="col">Date</th><th scope="col">Order</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Book</span></th></tr></thead>
      <tbody>
        {o.data.items.map((x: Order) => (
          <tr data-testid="order-row">
            <td class="o-date">{formatDate(x.createdAt)}</td>
            <td class="o-product">{x.product ?? x.id}</td>
            <td class="o-total">{x.total ? formatMoney(x.total) : ""}</td>
            <td class="o-status"><span class={`badge badge-${orderStatusLabel(x.status).tone}`}>{orderStatusLabel(x.status).label}</span></td>
            <td class="o-link">{x.bookId && <a href={`/books/${encodeURIComponent(x.bookId)}`}>View book</a>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Library() {
  const books = useAsync(async () => ((await R.me()) ? R.library() : undefined), []);
  return (
    <div class="container">
      <div class="page-title row between">
        <div><h1>My books</h1><p>Previews are kept for 7 days; bought books forever.</p></div>
        <a class="btn btn-primary" href="/create">Create a new book</a>
      </div>
      {books.loading && !books.data && <Loading />}
      <ErrorNotice error={books.error} title="Your books couldn't be loaded." />
      {!books.loading && !books.error && !books.data && (
        <div class="card empty"><p>Sign in to see your books, or start one now: no account needed.</p>
          <p class="row" style={{ justifyContent: "center" }}><a class="btn" href="/account">Sign in</a><a class="btn btn-primary" href="/create">Create a book</a></p></div>
      )}
      {books.data && books.data.items.length === 0 && <div class="card empty"><p>No books yet. Your first one takes about two minutes.</p></div>}
      {books.data && books.data.items.length > 0 && (
        <div class="grid-books">{books.data.items.map((b) => <BookCard b={b} onDeleted={books.reload} />)}</div>
      )}
      {books.data && (<section class="section" aria-labelledby="orders-h"><h2 id="orders-h">Orders</h2><Orders /></section>)}
    </div>
  );
}
