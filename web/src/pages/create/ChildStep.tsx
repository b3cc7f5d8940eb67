// Step 1: who the book is for.
import { useState } from "preact/hooks";
import * as R from "../../api/resources";
import { useAsync } from "../../lib/useAsync";
import { describedBy, Field, TextField } from "../../ui/Field";
import { type ChildDraft, validateChild } from "./draft";

const PRONOUNS = [["she", "She / her"], ["he", "He / him"], ["they", "They / them"]];
const AGES = Array.from({ length: 12 }, (_, i) => String(i + 1));

export function ChildStep({ child, onDone }: { child: ChildDraft; onDone: (c: ChildDraft) => void }) {
  const [c, setC] = useState(child);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof ChildDraft) => (v: string) => setC({ ...c, [k]: v });
  // Saved children are a shortcut only: a visitor without a session, or a shop without the
  // children API, simply sees the empty form.
  const saved = useAsync(() => R.children().catch(() => []), []);
  const use = (s: R.SavedChild) => setC({
    name: s.name, age: s.age ? String(s.age) : "", pronouns: s.pronouns ?? "", companion: s.companion ?? "", colour: s.colour ?? "",
  });

  const submit = (e: Event) => {
    e.preventDefault();
    const errs = validateChild(c);
    setErrors(errs);
    const first = Object.keys(errs)[0];
    if (first) {
      document.getElementById(first === "pronouns" ? "pronouns-she" : first)?.focus();
      return;
    }
    onDone({ ...c, name: c.name.trim(), companion: c.companion.trim(), colour: c.colour.trim() });
  };

  return (
    <form class="card stack" onSubmit={submit} noValidate>
      <h2>Who is the hero?</h2>
      {saved.data && saved.data.length > 0 && (
        <div class="row small" aria-label="Saved children">
          <span class="muted">Again for</span>
          {saved.data.map((s) => <button type="button" class="btn btn-sm" onClick={() => use(s)}>{s.name}</button>)}
        </div>
      )}
      <div class="field-row">
        <TextField id="name" label="Child's first name" value={c.name} onValue={set("name")} error={errors.name}
          autoComplete="off" maxLength={40} />
        <Field id="age" label="Age" error={errors.age}>
          <select id="age" class="select" value={c.age} aria-invalid={errors.age ? "true" : undefined}
            aria-describedby={describedBy("age", errors.age)}
            onChange={(e) => set("age")((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">Choose…</option>
            {AGES.map((a) => <option value={a}>{a} {a === "1" ? "year" : "years"}</option>)}
          </select>
        </Field>
      </div>
      <fieldset class={`field${errors.pronouns ? " invalid" : ""}`} aria-describedby={describedBy("pronouns", errors.pronouns)}>
        <legend>In the story, call them</legend>
        <div class="choices compact" style={{ marginTop: "var(--s-2)" }}>
          {PRONOUNS.map(([v, label]) => (
            <label class="choice">
              <input type="radio" name="pronouns" id={`pronouns-${v}`} value={v} checked={c.pronouns === v}
                onChange={() => set("pronouns")(v)} />
              <span class="choice-body">{label}</span>
            </label>
          ))}
        </div>
        {errors.pronouns && <p class="field-error" id="pronouns-error">{errors.pronouns}</p>}
      </fieldset>
      <div class="field-row">
        <TextField id="companion" label="A companion" optional value={c.companion} onValue={set("companion")}
          error={errors.companion} hint="A pet or a friend who comes along, e.g. “Biscuit”" maxLength={40} />
        <TextField id="colour" label="Favourite colour" optional value={c.colour} onValue={set("colour")}
          error={errors.colour} hint="We'll weave it into the story" maxLength={30} />
      </div>
      <div class="row end">
        <button type="submit" class="btn btn-primary">Continue to the photo</button>
      </div>
    </form>
  );
}
