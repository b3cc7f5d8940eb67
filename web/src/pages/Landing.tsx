// Landing: what Storyloom makes, how it works, the theme gallery with sample pages, prices.
import * as R from "../api/resources";
import type { Product, Theme } from "../api/types";
import { formatMoney } from "../lib/format";
import { useAsync } from "../lib/useAsync";
import { OpenBookArt } from "../ui/Art";
import { ErrorNotice, Loading } from "../ui/Notice";

function Hero() {
  return (
    <section class="hero">
      <div class="container hero-grid">
        <div>
          <p class="eyebrow">Personalised picture books</p>
          <h1>A storybook where your child is the hero</h1>
          <p class="lead">
            Tell us your child's name and age, add one photo, and choose an adventure. Storyloom writes
            the story and illustrates every page with your child in it. See a free preview before you buy.
          </p>
          <div class="row">
            <a class="btn btn-primary btn-lg" href="/create">Create your book</a>
            <a class="btn btn-lg" href="#themes">See the adventures</a>
          </div>
          <p class="small muted">No account needed to start · preview is free · about a minute to make</p>
        </div>
        <div class="hero-art"><OpenBookArt /></div>
      </div>
    </section>
  );
}

const STEPS = [
  ["Tell us about them", "Name, age and the words you use for them. A favourite colour or a best friend make it theirs."],
  ["Add one photo", "A clear, front-facing photo. We check it right away and tell you if another would work better."],
  ["Read the preview", "The first five pages, free. Love it? Unlock the whole book as a PDF or a printed hardcover."],
];

function HowItWorks() {
  return (
    <section class="container section" aria-labelledby="how">
      <h2 id="how">How it works</h2>
      <ol class="how">
        {STEPS.map(([t, d]) => <li class="card card-flat"><h3>{t}</h3><p>{d}</p></li>)}
      </ol>
    </section>
  );
}

export function ThemeCard({ theme }: { theme: Theme }) {
  const [first, ...rest] = theme.sampleImages;
  return (
    <article class="card theme-card">
      <div class="frame ratio-4-3">
        {first ? <img src={first} alt={`A sample page from ${theme.title}`} loading="lazy" /> : <div class="frame-empty" aria-hidden="true" />}
      </div>
      {rest.length > 0 && (
        <div class="thumbs">
          {rest.slice(0, 3).map((src, i) => <div class="frame"><img src={src} alt={`Sample page ${i + 2} from ${theme.title}`} loading="lazy" /></div>)}
        </div>
      )}
      <h3><a href={`/create?theme=${encodeURIComponent(theme.id)}`}>{theme.title}</a></h3>
      <p class="small">{theme.description}</p>
      {theme.ageRange && <p class="badge">Ages {theme.ageRange}</p>}
    </article>
  );
}

function Themes() {
  const t = useAsync(R.themes, []);
  return (
    <section class="container section" id="themes" aria-labelledby="themes-h">
      <h2 id="themes-h">Choose an adventure</h2>
      <p class="muted">Every adventure has ten illustrated pages, a cover and a dedication with your child's name.</p>
      {t.loading && <Loading label="Loading the adventures…" />}
      <ErrorNotice error={t.error} title="The adventures couldn't be loaded." />
      {t.data && t.data.length === 0 && <p class="muted">No adventures are available yet.</p>}
      {t.data && <div class="grid">{t.data.map((th) => <ThemeCard theme={th} />)}</div>}
    </section>
  );
}

function Prices() {
  const p = useAsync(R.products, []);
  if (p.loading || p.error || !p.data?.length) return null;
  return (
    <section class="container section" aria-labelledby="prices-h">
      <h2 id="prices-h">Prices</h2>
      <div class="grid">
        {p.data.map((prod: Product) => (
          <div class="card price-card">
            <h3>{prod.title}</h3>
            {prod.price && <p class="price">{formatMoney(prod.price)}</p>}
            <p class="small">{prod.description}</p>
          </div>
        ))}
      </div>
      <p class="small muted">The preview is always free. You only pay to unlock the full book.</p>
    </section>
  );
}

function Trust() {
  return (
    <section class="container section">
      <div class="card trust">
        <h2>Your child's photo is safe with us</h2>
        <ul>
          <li>Only you can see your photos and books. Links to them are signed and expire.</li>
          <li>We remove location and camera data from every photo when it arrives.</li>
          <li>You can download everything we keep about you, or delete it, at any time.</li>
        </ul>
      </div>
    </section>
  );
}

export function Landing() {
  return (
    <>
      <Hero />
      <HowItWorks />
      <Themes />
      <Prices />
      <Trust />
      <section class="container section center">
        <a class="btn btn-primary btn-lg" href="/create">Start your child's book</a>
      </section>
    </>
  );
}
