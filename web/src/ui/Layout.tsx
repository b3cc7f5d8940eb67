// The page frame: skip link, header with navigation, main landmark, footer.
import type { ComponentChildren } from "preact";

function Logo() {
  return (
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="2" y="5" width="28" height="22" rx="4" fill="#a63d1c" />
      <path d="M16 8c-3-2-7-2-11-1v17c4-1 8-1 11 1 3-2 7-2 11-1V7c-4-1-8-1-11 1z" fill="#fff8ee" />
      <path d="M16 8v17" stroke="#a63d1c" stroke-width="1.5" />
      <circle cx="23" cy="12" r="2.2" fill="#f2b84b" />
    </svg>
  );
}

const NAV = [
  { href: "/create", label: "Create a book" },
  { href: "/library", label: "My books" },
  { href: "/account", label: "Account" },
];

export function Layout({ path, children }: { path: string; children: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-header">
        <div class="container">
          <a class="brand" href="/"><Logo />Storyloom</a>
          <nav class="site-nav" aria-label="Main">
            {NAV.map((n) => (
              <a href={n.href} aria-current={path.startsWith(n.href) ? "page" : undefined}>{n.label}</a>
            ))}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer class="site-footer">
        <div class="container">
          <span>Storyloom · personalised picture books, made with care.</span>
          <span>Photos stay private to you and are deleted once your book is final.</span>
        </div>
      </footer>
    </>
  );
}
