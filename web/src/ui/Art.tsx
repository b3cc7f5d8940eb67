// Decorative drawings of our own (no external assets): an open storybook for the landing page
// when no theme samples are available yet, and a padlock for locked pages.
export function OpenBookArt() {
  return (
    <svg viewBox="0 0 400 300" role="img" aria-label="An open picture book with a child under the stars">
      <defs>
        <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2f4f6f" /><stop offset="1" stop-color="#3f7f8c" /></linearGradient>
        <linearGradient id="hill" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb069" /><stop offset="1" stop-color="#4f8a4b" /></linearGradient>
      </defs>
      <path d="M20 40 Q110 20 200 42 Q290 20 380 40 V270 Q290 250 200 272 Q110 250 20 270Z" fill="#e6d5bd" />
      <path d="M30 44 Q112 26 196 46 V262 Q112 244 30 262Z" fill="url(#sky)" />
      <path d="M204 46 Q288 26 370 44 V262 Q288 244 204 262Z" fill="#fff8ee" />
      <path d="M30 210 Q90 170 150 200 T196 196 V262 Q112 244 30 262Z" fill="url(#hill)" />
      <circle cx="150" cy="80" r="16" fill="#f2d27b" />
      {[[60, 70], [95, 100], [120, 60], [170, 120], [80, 130]].map(([x, y]) => <circle cx={x} cy={y} r="2.5" fill="#fff8ee" />)}
      <g transform="translate(96 168)">
        <circle cx="0" cy="0" r="13" fill="#f1c9a5" />
        <path d="M-13 -3 Q0 -22 13 -3 Q6 -10 0 -9 Q-6 -10 -13 -3Z" fill="#6b3f23" />
        <path d="M-11 14 Q0 8 11 14 L14 44 H-14Z" fill="#a63d1c" />
        <path d="M11 18 L30 2" stroke="#f1c9a5" stroke-width="6" stroke-linecap="round" />
      </g>
      <g fill="#c9b394">
        {[0, 1, 2, 3, 4].map((i) => <rect x="228" y={80 + i * 26} width={i === 4 ? 80 : 118} height="8" rx="4" />)}
      </g>
      <path d="M232 226 l6 -12 l6 12 l-12 -8 h12z" fill="#f2b84b" />
    </svg>
  );
}

export function LockIcon({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="4" y="10" width="16" height="11" rx="2.5" fill="currentColor" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2.2" />
      <circle cx="12" cy="15.5" r="1.6" fill="#fff" />
    </svg>
  );
}
