// Checkout: choose the PDF or the printed hardcover, give a shipping address for print (and an
// email for guests), then go to the payment provider's page (the demo provider offline).
import { useState } from "preact/hooks";
import { fieldErrors } from "../api/client";
import * as R from "../api/resources";
import type { Product } from "../api/types";
import { addMoney, formatMoney, possessive } from "../lib/format";
import { useSessionState } from "../lib/sessionState";
import { useAsync } from "../lib/useAsync";
import { TextField } from "../ui/Field";
import { ErrorNotice, Loading, Notice } from "../ui/Notice";
import { type Address, DeliveryChoice, emptyAddress, ShippingForm, validateAddress } from "./checkout/ShippingForm";

function ProductChoice({ p, checked, onPick }: { p: Product; checked: boolean; onPick: () => void }) {
  return (
    <label class="choice">
      <input type="radio" name="product" value={p.id} checked={checked} onChange={onPick} />
      <span class="choice-body">
        <span class="choice-title">{p.title}</span>
        {p.price && <span class="price-sm">{formatMoney(p.price)}</span>}
        <span class="choice-text">{p.description}</span>
      </span>
    </label>
  );
}

interface CheckoutForm { productId?: string; optionId?: string; address: Address; email: string }

export function Checkout({ id, query }: { id: string; query: URLSearchParams }) {
  const data = useAsync(async () => {
    const [book, products, me] = await Promise.all([R.book(id), R.products(), R.me()]);
    return { book, products, me };
  }, [id]);
  // Kept for this tab, so a declined payment or a trip back from the payment page starts from
  // what the parent already typed.
  const [form, setForm] = useSessionState<CheckoutForm>(`storyloom.checkout.${id}`, () => ({ address: emptyAddress(), email: "" }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (data.loading) return <div class="container narrow"><Loading /></div>;
  if (data.error) return <div class="container narrow"><ErrorNotice error={data.error} title="We couldn't open the checkout." /></div>;
  const { book, products, me } = data.data!;
  const chosen = products.find((p) => p.id === form.productId) ?? products[0];
  const askEmail = !me || me.guest;
  const option = chosen?.needsShipping ? chosen.shipping.find((o) => o.id === form.optionId) ?? chosen.shipping[0] : undefined;
  const total = option ? addMoney(chosen?.price, option.price) : chosen?.price;
  const set = (patch: Partial<CheckoutForm>) => setForm({ ...form, ...patch });
  const focusFirst = (errs: Record<string, string>) => {
    const first = Object.keys(errs).find((k) => document.getElementById(k));
    if (first) document.getElementById(first)!.focus();
  };

  const pay = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    const errs = chosen.needsShipping ? validateAddress(form.address, option?.needsPhone) : {};
    if (askEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errs.email = "Please enter your email, so we can send you the book.";
    setErrors(errs); setError(undefined);
    if (Object.keys(errs).length) { focusFirst(errs); return; }
    setBusy(true);
    try {
      const trimmed = Object.fromEntries(Object.entries(form.address).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as unknown as Address;
      const started = await R.checkout(id, {
        product: chosen.id, email: askEmail ? form.email.trim() : undefined,
        ...(chosen.needsShipping ? { shipping: trimmed, shippingOption: option?.id } : {}),
      });
      window.location.assign(started.checkoutUrl);
    } catch (err) {
      const fields = fieldErrors(err);
      setError(err); setErrors(fields); setBusy(false);
      focusFirst(fields);
    }
  };

  return (
    <div class="container narrow stack">
      <div class="page-title">
        <h1>Unlock {book.childName ? possessive(book.childName) : "the"} book</h1>
        <p>All ten pages in full resolution, without the watermark.</p>
      </div>
      {query.get("cancelled") && (
        <div data-testid="payment-declined">
          <Notice tone="error">The payment didn't go through, and you have not been charged. You can try again.</Notice>
        </div>
      )}
      {products.length === 0 ? <Notice>Buying books isn't open in this shop yet. Your preview stays saved in My books.</Notice> : (
        <form class="card stack" onSubmit={pay} noValidate>
          <fieldset>
            <legend class="label-lg">Choose your book</legend>
            <div class="choices" style={{ marginTop: "var(--s-3)" }}>
              {products.map((p) => <ProductChoice p={p} checked={p.id === chosen?.id} onPick={() => set({ productId: p.id })} />)}
            </div>
          </fieldset>
          {chosen?.needsShipping && <>
            <DeliveryChoice options={chosen.shipping} chosen={option?.id} onPick={(optionId) => set({ optionId })} error={errors.shipping_option} />
            <ShippingForm value={form.address} onChange={(address) => set({ address })} errors={errors} needsPhone={option?.needsPhone} />
          </>}
          {askEmail && <TextField id="email" label="Your email" type="email" value={form.email} onValue={(email) => set({ email })} error={errors.email}
            hint="We send the download link here. You can create an account with it later." autoComplete="email" />}
          <ErrorNotice error={error} title="We couldn't start the payment." />
          {total && <p class="total"><span>Total{option ? `, with ${option.title.toLowerCase()} delivery` : ""}</span><strong data-testid="total">{formatMoney(total)}</strong></p>}
          <div class="actions">
            <button type="submit" class="btn btn-primary btn-lg" disabled={busy}>
              {busy && <span class="spinner" aria-hidden="true" />}Continue to payment
            </button>
            <a class="btn btn-quiet" href={`/books/${encodeURIComponent(id)}`}>Back to the preview</a>
          </div>
          <p class="small muted">You pay on a secure payment page, then come straight back here.</p>
        </form>
      )}
    </div>
  );
}
