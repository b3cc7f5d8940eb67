// The shipping address for a printed book, checked here for the obvious and by the API for the
// rest; the API's field errors (envelope details) land under the field they name.
import type { ShippingAddress } from "../../api/resources";
import type { ShippingOption } from "../../api/types";
import { formatMoney } from "../../lib/format";
import { TextField } from "../../ui/Field";

export type Address = Required<ShippingAddress>;

export const emptyAddress = (): Address => ({ name: "", line1: "", line2: "", city: "", postal_code: "", region: "", country: "", phone: "" });

export function validateAddress(a: Address, needsPhone = false): Record<string, string> {
  const e: Record<string, string> = {};
  if (!a.name.trim()) e.name = "Please enter the name of the person receiving the book.";
  if (!a.line1.trim()) e.line1 = "Please enter the street and house number.";
  if (!a.city.trim()) e.city = "Please enter the town or city.";
  if (!a.postal_code.trim()) e.postal_code = "Please enter the postal code.";
  if (!/^[A-Za-z]{2}$/.test(a.country.trim())) e.country = "Please enter the two-letter country code, e.g. GB, US or DE.";
  if (needsPhone && !a.phone.trim()) e.phone = "The carrier needs a phone number for this delivery.";
  else if (a.phone.trim() && !/^\+?[0-9 ()./-]{6,20}$/.test(a.phone.trim())) e.phone = "Please enter a phone number with digits only, e.g. +44 20 7946 0000.";
  return e;
}

function days(o: ShippingOption): string {
  if (o.daysMin && o.daysMax) return `${o.daysMin}–${o.daysMax} days`;
  return o.daysMax ? `up to ${o.daysMax} days` : "";
}

/** Standard or express post, with its price and time; shown when the product has more than one. */
export function DeliveryChoice({ options, chosen, onPick, error }: {
  options: ShippingOption[]; chosen?: string; onPick: (id: string) => void; error?: string;
}) {
  if (options.length < 2) return null;
  return (
    <fieldset data-testid="delivery-options">
      <legend class="label-lg">Delivery</legend>
      <div class="choices" style={{ marginTop: "var(--s-3)" }}>
        {options.map((o) => (
          <label class="choice">
            <input type="radio" name="shipping_option" value={o.id} checked={o.id === chosen} onChange={() => onPick(o.id)} />
            <span class="choice-body">
              <span class="choice-title">{o.title}</span>
              {o.price && <span class="price-sm">{formatMoney(o.price)}</span>}
              <span class="choice-text">{[days(o), o.needsPhone ? "needs a phone number" : ""].filter(Boolean).join(" · ")}</span>
            </span>
          </label>
        ))}
      </div>
      {error && <p class="field-error" data-field-error="shipping_option">{error}</p>}
    </fieldset>
  );
}

export function ShippingForm({ value, onChange, errors, needsPhone = false }: {
  value: Address; onChange: (a: Address) => void; errors: Record<string, string>; needsPhone?: boolean;
}) {
  const set = (k: keyof Address) => (v: string) => onChange({ ...value, [k]: v });
  return (
    <fieldset class="stack" data-testid="shipping-form">
      <legend class="label-lg">Where should we send it?</legend>
      <TextField id="name" label="Full name" value={value.name} onValue={set("name")} error={errors.name} autoComplete="shipping name" />
      <TextField id="line1" label="Street and number" value={value.line1} onValue={set("line1")} error={errors.line1} autoComplete="shipping address-line1" />
      <TextField id="line2" label="Flat, building" optional value={value.line2} onValue={set("line2")} error={errors.line2} autoComplete="shipping address-line2" />
      <div class="field-row">
        <TextField id="city" label="Town or city" value={value.city} onValue={set("city")} error={errors.city} autoComplete="shipping address-level2" />
        <TextField id="postal_code" label="Postal code" value={value.postal_code} onValue={set("postal_code")} error={errors.postal_code} autoComplete="shipping postal-code" />
      </div>
      <div class="field-row">
        <TextField id="region" label="State or county" optional value={value.region} onValue={set("region")} error={errors.region} autoComplete="shipping address-level1" />
        <TextField id="country" label="Country code" value={value.country} onValue={(v) => set("country")(v.toUpperCase())}
          error={errors.country} hint="Two letters, e.g. GB, US, DE" maxLength={2} autoComplete="shipping country" />
      </div>
      <TextField id="phone" label="Phone" optional={!needsPhone} type="tel" value={value.phone} onValue={set("phone")} error={errors.phone}
        hint={needsPhone ? "The carrier calls if they can't find the address" : "Some carriers need it to deliver"} autoComplete="shipping tel" />
    </fieldset>
  );
}
