// Any unknown address.
export function NotFound() {
  return (
    <div class="container narrow empty">
      <h1>This page isn't in our book</h1>
      <p>The address may be mistyped, or the page has moved.</p>
      <p><a class="btn btn-primary" href="/">Back to the start</a></p>
    </div>
  );
}
