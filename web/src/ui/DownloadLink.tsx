// The bought book's PDF. `download` makes the browser save it under the book's title instead of
// leaving the shop for its PDF viewer (the API's link redirects to a same-origin signed file).
import { possessive } from "../lib/format";
import * as R from "../api/resources";
import type { Book } from "../api/types";

export function pdfFileName(b: Book): string {
  const title = b.title ?? (b.childName ? `${possessive(b.childName)} book` : "Storyloom book");
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "").trim() || "Storyloom book"}.pdf`;
}

export function DownloadLink({ book, size = "", label = "Download the PDF" }: { book: Book; size?: "" | "sm" | "lg"; label?: string }) {
  return (
    <a class={`btn btn-primary${size ? ` btn-${size}` : ""}`} href={R.downloadHref(book.id)} download={pdfFileName(book)} data-testid="download-pdf">
      {label}
    </a>
  );
}
