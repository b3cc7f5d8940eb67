// Step 2: the photo. Drop, choose or take one (capture on phones); it is checked at once by
// POST /api/photos and the answer is shown on the photo itself: the face we found, outlined,
// or the parent's sentence for a refusal with what to do instead.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { verdict as toVerdict } from "../../api/normalize";
import * as R from "../../api/resources";
import type { FaceBox, Photo } from "../../api/types";
import { ErrorNotice } from "../../ui/Notice";

interface Shown { url?: string; width: number; height: number; box?: FaceBox }

// The API measures the face box on its normalized copy: upright, at most 2048 px on the long
// side. When an answer does not carry that copy's size (a refusal), it follows from the photo.
const NORMALIZED_LONG_SIDE = 2048;
function normalizedSize(w: number, h: number): [number, number] {
  const k = Math.min(1, NORMALIZED_LONG_SIDE / Math.max(w, h));
  return [Math.round(w * k), Math.round(h * k)];
}

function PhotoFrame({ shown: given, busy }: { shown: Shown; busy: boolean }) {
  const [natural, setNatural] = useState<[number, number]>();
  const [broken, setBroken] = useState(false);
  useEffect(() => { setBroken(false); setNatural(undefined); }, [given.url]);
  const shown = !given.width && natural ? { ...given, width: natural[0], height: natural[1] } : given;
  const ratio = shown.width && shown.height ? `${shown.width} / ${shown.height}` : natural ? `${natural[0]} / ${natural[1]}` : "4 / 3";
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  return (
    <div class="photo-frame" style={{ aspectRatio: ratio }} data-testid="photo-frame">
      {shown.url && !broken && <img src={shown.url} alt="The photo you chose" onError={() => setBroken(true)}
        onLoad={(e) => { const i = e.currentTarget as HTMLImageElement; setNatural(normalizedSize(i.naturalWidth, i.naturalHeight)); }} />}
      {!shown.url && <p class="photo-noview small">Photo checked and kept privately. Choose another to change it.</p>}
      {broken && <p class="photo-noview small">Your browser can't show this file type, but we can still read it.</p>}
      {shown.box && shown.width > 0 && (
        <div class="face-box" data-testid="face-box" aria-hidden="true" style={{
          left: pct(shown.box.x, shown.width), top: pct(shown.box.y, shown.height),
          width: pct(shown.box.width, shown.width), height: pct(shown.box.height, shown.height),
        }} />
      )}
      {busy && <div class="photo-busy" role="status"><span class="spinner" aria-hidden="true" /> Checking the photo…</div>}
    </div>
  );
}

export function PhotoStep({ photo, onPhoto, onBack, onDone }: {
  photo?: Photo; onPhoto: (p?: Photo) => void; onBack: () => void; onDone: () => void;
}) {
  const [shown, setShown] = useState<Shown | undefined>(
    photo ? { width: photo.width, height: photo.height, box: photo.verdict.faceBox } : undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [hint, setHint] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const objectUrl = useRef<string | undefined>(undefined);
  useEffect(() => () => { if (objectUrl.current) URL.revokeObjectURL(objectUrl.current); }, []);

  async function take(file: File | undefined) {
    if (!file || busy) return;
    setBusy(true);
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = URL.createObjectURL(file);
    // Measure the photo before showing it, so its frame has the right shape from the start.
    const probe = new Image();
    probe.src = objectUrl.current;
    await probe.decode().catch(() => undefined); // HEIC and the like: the browser can't, the API can
    const [w0, h0] = probe.naturalWidth ? normalizedSize(probe.naturalWidth, probe.naturalHeight) : [0, 0];
    setShown({ url: objectUrl.current, width: w0, height: h0 });
    setError(undefined); setHint(undefined); onPhoto(undefined);
    try {
      const p = await R.uploadPhoto(file);
      setShown({ url: objectUrl.current, width: p.width, height: p.height, box: p.verdict.faceBox });
      onPhoto(p);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.details && typeof e.details === "object") {
        const d = e.details as Record<string, unknown>;
        const v = toVerdict(d.verdict ?? d);
        setHint(v.hint);
        const w = Number(d.width ?? 0), h = Number(d.height ?? 0);
        // One outlined face would say "this one" when the refusal is that there are several.
        const box = v.reason === "photo_multiple_faces" || e.code === "photo_multiple_faces" ? undefined : v.faceBox;
        setShown((s) => s && { ...s, width: w || s.width, height: h || s.height, box });
      }
    } finally {
      setBusy(false);
    }
  }

  const pick = (e: Event) => { const i = e.currentTarget as HTMLInputElement; take(i.files?.[0]); i.value = ""; };
  const drop = (e: DragEvent) => { e.preventDefault(); setDragging(false); take(e.dataTransfer?.files?.[0]); };

  return (
    <section class="card stack" aria-labelledby="photo-h">
      <h2 id="photo-h">Add a photo of your child</h2>
      <p class="muted">One face, looking at the camera, in good light. A phone photo is perfect. Only you will see it.</p>
      <div class={`dropzone${dragging ? " dragging" : ""}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)} onDrop={drop} data-testid="dropzone">
        {shown ? <PhotoFrame shown={shown} busy={busy} /> : (
          <div class="dropzone-empty">
            <p><strong>Drop a photo here</strong></p>
            <p class="small muted">JPEG, PNG, WebP or HEIC, up to 10 MB</p>
          </div>
        )}
        <div class="row dropzone-actions">
          <input id="photo-file" class="visually-hidden file-input" type="file" accept="image/*,.heic,.heif" onChange={pick} disabled={busy} />
          <label class="btn" for="photo-file">{shown ? "Choose another photo" : "Choose a photo"}</label>
          <input id="photo-camera" class="visually-hidden file-input" type="file" accept="image/*" capture="user" onChange={pick} disabled={busy} />
          <label class="btn camera-only" for="photo-camera">Take a photo</label>
        </div>
      </div>
      {photo?.verdict.accepted && !busy && (
        <div class="notice notice-success" role="status" data-testid="photo-accepted">
          <div><p><strong>Lovely, this photo works.</strong></p><p>We found one clear face, outlined above.</p></div>
        </div>
      )}
      {error !== undefined && !busy && (
        <div data-testid="photo-refused" class="stack">
          <ErrorNotice error={error} title="This photo won't work for the book" />
          {hint && <p class="notice notice-info" data-testid="photo-hint">{hint}</p>}
        </div>
      )}
      <div class="row between">
        <button type="button" class="btn btn-quiet" onClick={onBack}>Back</button>
        <button type="button" class="btn btn-primary" disabled={!photo?.verdict.accepted || busy} onClick={onDone}>
          Continue to the adventure
        </button>
      </div>
    </section>
  );
}
