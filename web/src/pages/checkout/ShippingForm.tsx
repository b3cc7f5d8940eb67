// The shipping address for a printed book, checked here for the obvious and by the API for the
// rest; the API's field errors (envelope details) land under the field they name.
import type { ShippingAddress } from "../../api/resources";
import { TextField } from "../../ui/Field";

export type Address = Required<ShippingAddress>;

export const emptyAddress = (): Address => ({ name: "", line1: "", line2: "", city: "", postal_code: "", region: "", country: "", phone: "" });

export function validateAddress(a: Address): Record<string, string> {
  const e: Record<string, string> = {};
  if (!a.name.trim()) e.name = "Please enter the name of the person receiving the book.";
  if (!a.line1.trim()) e.line1 = "Please enter the street and house number.";
  if (!a.city.trim()) e.city = "Please enter the town or city.";
  if (!a.postal_code.trim()) e.postal_code = "Please enter the postal code.";
  if (!/^[A-Za-z]{2}$/.test(a.country.trim())) e.country = "Please enter the two-letter country code, e.g. GB, US or DE.";
  if (a.phone.trim() && !/^\+?[0-9 ()./-]{6,20}$/.test(a.phone.trim())) e.phone = "Please enter a phone number with digits only, e.g. +44 20 7946 0000.";
  return e;
}

export function ShippingForm({ value, onChange, errors }: { value: Address; onChange: (a: Address) => void; errors: Record<string, string> }) {
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
      <TextField id="phone" label="Phone" optional type="tel" value={value.phone} onValue={set("phone")} error={errors.phone}
        hint="Some carriers need it to deliver" autoComplete="shipping tel" />
    </fieldset>
  );
}
