// Checkout: choose the PDF or the printed hardcover, give a shipping address for print (and an
// email for guests), then go to the payment provider's page (the demo provider offline).
import { useState } from "preact/hooks";
import { fieldErrors } from "../api/client";
import * as R from "../api/resources";
import type { Product } from "../api/types";
import { addMoney, formatMoney } from "../lib/format";
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

export function Checkout({ id, query }: { id: string; query: URLSearchParams }) {
  const data = useAsync(async () => {
    const [book, products, me] = await Promise.all([R.book(id), R.products(), R.me()]);
    return { book, products, me };
  }, [id]);
  const [productId, setProductId] = useState<string>();
  const [optionId, setOptionId] = useState<string>();
  const [address, setAddress] = useState<Address>(emptyAddress);
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (data.loading) return <div class="container narrow"><Loading /></div>;
  if (data.error) return <div class="container narrow"><ErrorNotice error={data.error} title="We couldn't open the checkout." /></div>;
  const { book, products, me } = data.data!;
  const chosen = products.find((p) => p.id === (productId ?? products[0]?.id));
  const askEmail = !me || me.guest;
  const option = chosen?.needsShipping ? chosen.shipping.find((o) => o.id === optionId) ?? chosen.shipping[0] : undefined;
  const total = option ? addMoney(chosen?.price, option.price) : chosen?.price;

  const pay = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    const errs = chosen.needsShipping ? validateAddress(address, option?.needsPhone) : {};
    if (askEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errs.email = "Please enter your email, so we can send you the book.";
    setErrors(errs); setError(undefined);
    if (Object.keys(errs).length) { document.getElementById(Object.keys(errs)[0])?.focus(); return; }
    setBusy(true);
    try {
      const trimmed = Object.fromEntries(Object.entries(address).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as unknown as Address;
      const started = await R.checkout(id, {
        product: chosen.id, email: askEmail ? email.trim() : undefined,
        ...(chosen.needsShipping ? { shipping: trimmed, shippingOption: option?.id } : {}),
      });
      window.location.assign(started.checkoutUrl);
    } catch (err) {
      setError(err); setErrors(fieldErrors(err)); setBusy(false);
    }
  };

  return (
    <div class="container narrow">
      <div class="page-title">
        <h1>Unlock {book.childName ? `${book.childName}'s` : "the"} book</h1>
        <p>All ten pages in full resolution, without the watermark.</p>
      </div>
      {query.get("cancelled") && <Notice tone="error">The payment didn't go through, and you have not been charged. You can try again.</Notice>}
      {products.length === 0 ? <Notice>Buying books isn't open in this shop yet. Your preview stays saved in My books.</Notice> : (
        <form class="card stack" onSubmit={pay} noValidate>
          <fieldset>
            <legend class="label-lg">Choose your book</legend>
            <div class="choices" style={{ marginTop: "var(--s-3)" }}>
              {products.map((p) => <ProductChoice p={p} checked={p.id === chosen?.id} onPick={() => setProductId(p.id)} />)}
            </div>
          </fieldset>
          {chosen?.needsShipping && <>
            <DeliveryChoice options={chosen.shipping} chosen={option?.id} onPick={setOptionId} error={errors.shipping_option} />
            <ShippingForm value={address} onChange={setAddress} errors={errors} needsPhone={option?.needsPhone} />
          </>}
          {askEmail && <TextField id="email" label="Your email" type="email" value={email} onValue={setEmail} error={errors.email}
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
