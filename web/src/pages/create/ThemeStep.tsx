// Step 3: the adventure and the art style, then the book is started (POST /api/books).
import { possessive } from "../../lib/format";
import { useState } from "preact/hooks";
import * as R from "../../api/resources";
import type { ArtStyle, Theme } from "../../api/types";
import { useAsync } from "../../lib/useAsync";
import { ErrorNotice, Loading } from "../../ui/Notice";

function ThemeChoice({ t, checked, onPick }: { t: Theme; checked: boolean; onPick: () => void }) {
  return (
    <label class="choice">
      <input type="radio" name="theme" value={t.id} checked={checked} onChange={onPick} />
      <span class="choice-body">
        <span class="frame ratio-4-3 choice-img">{t.sampleImages[0] && <img src={t.sampleImages[0]} alt="" loading="lazy" />}</span>
        <span class="choice-title">{t.title}</span>
        <span class="choice-text">{t.description}</span>
      </span>
    </label>
  );
}

function StyleChoice({ s, checked, onPick }: { s: ArtStyle; checked: boolean; onPick: () => void }) {
  return (
    <label class="choice">
      <input type="radio" name="style" value={s.id} checked={checked} onChange={onPick} />
      <span class="choice-body">
        {s.sampleImage && <span class="frame ratio-4-3 choice-img"><img src={s.sampleImage} alt="" loading="lazy" /></span>}
        <span class="choice-title">{s.title}</span>
        <span class="choice-text">{s.description}</span>
      </span>
    </label>
  );
}

export function ThemeStep({ theme, style, childName, onChange, onBack, onCreate }: {
  theme?: string; style?: string; childName: string;
  onChange: (theme?: string, style?: string) => void; onBack: () => void; onCreate: () => Promise<void>;
}) {
  const themes = useAsync(R.themes, []);
  const styles = useAsync(R.styles, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState("");

  const create = async () => {
    if (!theme || !style) { setMissing(!theme ? "Please choose an adventure." : "Please choose an art style."); return; }
    setMissing(""); setBusy(true); setError(undefined);
    try { await onCreate(); } catch (e) { setError(e); setBusy(false); }
  };

  return (
    <section class="card stack" aria-labelledby="theme-h">
      <h2 id="theme-h">Choose {possessive(childName)} adventure</h2>
      {themes.loading && <Loading label="Loading the adventures…" />}
      <ErrorNotice error={themes.error} title="The adventures couldn't be loaded." />
      <fieldset>
        <legend class="visually-hidden">Adventure</legend>
        <div class="choices theme-choices">
          {themes.data?.map((t) => <ThemeChoice t={t} checked={theme === t.id} onPick={() => onChange(t.id, style)} />)}
        </div>
      </fieldset>
      <h3 class="sub-h">Art style</h3>
      {styles.loading && <Loading label="Loading the styles…" />}
      <ErrorNotice error={styles.error} title="The art styles couldn't be loaded." />
      <fieldset>
        <legend class="visually-hidden">Art style</legend>
        <div class="choices">
          {styles.data?.map((s) => <StyleChoice s={s} checked={style === s.id} onPick={() => onChange(theme, s.id)} />)}
        </div>
      </fieldset>
      {missing && <p class="field-error" role="alert">{missing}</p>}
      <ErrorNotice error={error} title="We couldn't start the book." />
      <div class="row between">
        <button type="button" class="btn btn-quiet" onClick={onBack} disabled={busy}>Back</button>
        <button type="button" class="btn btn-primary btn-lg" onClick={create} disabled={busy}>
          {busy && <span class="spinner" aria-hidden="true" />}Make the preview
        </button>
      </div>
    </section>
  );
}
