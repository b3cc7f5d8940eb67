// A page-turning book view: one page at a time with its picture and words; turn with the
// buttons, the arrow keys, a swipe, or the thumbnails. Locked pages show a padlock and the
// call to unlock, never an image (the API gives them no URL).
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Page } from "../api/types";
import { LockIcon } from "./Art";

export function pageLabel(p: Page): string {
  if (p.kind === "cover") return "Cover";
  if (p.kind === "dedication") return "Dedication";
  if (p.kind === "ending" || p.kind === "end") return "The end";
  return `Page ${p.number}`;
}
const label = pageLabel;

export function BookViewer({ pages, locked, pageActions }: {
  pages: Page[]; locked: ComponentChildren; pageActions?: (p: Page) => ComponentChildren;
}) {
  const [i, setI] = useState(0);
  // No turn on arrival: the first page is simply there; turning animates.
  const [dir, setDir] = useState<"next" | "prev" | "none">("none");
  const start = useRef<number | undefined>(undefined);
  const at = Math.min(i, Math.max(0, pages.length - 1));
  const turn = (to: number) => {
    if (to < 0 || to >= pages.length || to === at) return;
    setDir(to > at ? "next" : "prev"); setI(to);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest("input, textarea, select, [contenteditable]")) return;
      if (e.key === "ArrowRight") { turn(at + 1); e.preventDefault(); }
      if (e.key === "ArrowLeft") { turn(at - 1); e.preventDefault(); }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const p = pages[at];
  if (!p) return null;
  return (
    <div class="viewer" aria-roledescription="book" aria-label="Book preview">
      <div class="viewer-stage"
        onPointerDown={(e) => { start.current = e.clientX; }}
        onPointerUp={(e) => {
          if (start.current === undefined) return;
          const dx = e.clientX - start.current; start.current = undefined;
          if (Math.abs(dx) > 40) turn(dx < 0 ? at + 1 : at - 1);
        }}>
        <article class={`book-page${dir === "none" ? "" : ` turn-${dir}`}`} key={at} data-testid="book-page" data-page={p.number} data-locked={p.locked ? "true" : "false"}
          aria-label={`${label(p)} of ${pages.length}`}>
          <div class="book-art frame">
            {p.locked ? (
              <div class="locked" data-testid="locked-page">
                <LockIcon size={40} />
                {locked}
              </div>
            ) : p.imageUrl ? <img src={p.imageUrl} alt={`Illustration for ${label(p).toLowerCase()}`} draggable={false} />
              : <p class="slot-label">This picture is still being drawn.</p>}
          </div>
          <div class="book-text">
            <p class="page-label">{label(p)}</p>
            {!p.locked && p.text && <p class="story-text">{p.text}</p>}
            {p.locked && <p class="muted">The words and the picture of this page are unlocked with the full book.</p>}
            {pageActions?.(p)}
          </div>
        </article>
      </div>
      <div class="viewer-controls">
        <button class="btn" onClick={() => turn(at - 1)} disabled={at === 0} aria-label="Previous page">← <span class="hide-sm">Previous</span></button>
        <span class="muted small" aria-live="polite">{label(p)} <span aria-hidden="true">·</span> {at + 1} / {pages.length}</span>
        <button class="btn" onClick={() => turn(at + 1)} disabled={at === pages.length - 1} aria-label="Next page"><span class="hide-sm">Next</span> →</button>
      </div>
      <ol class="thumbs-strip" aria-label="All pages">
        {pages.map((pg, k) => (
          <li>
            <button class={`thumb${k === at ? " current" : ""}`} onClick={() => turn(k)} aria-label={`Go to ${label(pg).toLowerCase()}${pg.locked ? " (locked)" : ""}`}
              aria-current={k === at ? "true" : undefined}>
              {pg.locked ? <LockIcon size={16} /> : pg.imageUrl ? <img src={pg.imageUrl} alt="" /> : <span>{k + 1}</span>}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
