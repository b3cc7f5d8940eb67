// Create: three steps (child, photo, adventure) kept in a session draft, then the book starts
// and the parent moves to its progress page, whose URL carries the book id.
import { useEffect, useState } from "preact/hooks";
import * as R from "../api/resources";
import { navigate } from "../lib/router";
import { ChildStep } from "./create/ChildStep";
import { type Draft, clearDraft, loadDraft, saveDraft } from "./create/draft";
import { PhotoStep } from "./create/PhotoStep";
import { ThemeStep } from "./create/ThemeStep";

const STEP_NAMES = ["Your child", "Photo", "Adventure"];

export function Create() {
  // Arriving from a theme in the gallery (/create?theme=...) preselects it.
  const [d, setD] = useState<Draft>(() => {
    const draft = loadDraft();
    const theme = new URLSearchParams(location.search).get("theme");
    return theme ? { ...draft, theme } : draft;
  });
  useEffect(() => saveDraft(d), [d]);
  const go = (step: Draft["step"]) => setD((x) => ({ ...x, step: step === 3 && !x.photo?.verdict.accepted ? 2 : step }));

  const start = async () => {
    const c = d.child;
    const b = await R.createBook({
      child: {
        name: c.name, age: Number(c.age), pronouns: c.pronouns,
        ...(c.companion ? { companion: c.companion } : {}), ...(c.colour ? { favourite_colour: c.colour } : {}),
      },
      photo_id: d.photo!.id, theme: d.theme!, style: d.style!,
    });
    clearDraft();
    navigate(`/books/${encodeURIComponent(b.id)}/progress`);
  };

  return (
    <div class="container narrow-wide">
      <div class="page-title">
        <h1>Create a book</h1>
        <p>It takes about two minutes. The preview is free.</p>
      </div>
      <ol class="steps" aria-label="Steps">
        {STEP_NAMES.map((s, i) => (
          <li aria-current={d.step === i + 1 ? "step" : undefined} class={d.step > i + 1 ? "done" : ""}><span class="step-name">{s}</span></li>
        ))}
      </ol>
      {d.step === 1 && <ChildStep child={d.child} onDone={(child) => setD({ ...d, child, step: 2 })} />}
      {d.step === 2 && (
        <PhotoStep photo={d.photo} onPhoto={(photo) => setD((x) => ({ ...x, photo }))}
          onBack={() => go(1)} onDone={() => go(3)} />
      )}
      {d.step === 3 && (
        <ThemeStep theme={d.theme} style={d.style} childName={d.child.name}
          onChange={(theme, style) => setD((x) => ({ ...x, theme, style }))} onBack={() => go(2)} onCreate={start} />
      )}
    </div>
  );
}
