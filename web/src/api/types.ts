// Shapes the web app uses, normalized from the API's JSON (see normalize.ts): the UI reads
// these, never raw responses, so a renamed field is fixed in one place.

export interface Money { amountMinor: number; currency: string }

export interface Theme {
  id: string;
  title: string;
  description: string;
  sampleImages: string[];
  ageRange?: string;
}

export interface ArtStyle { id: string; title: string; description: string; sampleImage?: string }

export interface ShippingOption { id: string; title: string; price?: Money; daysMin?: number; daysMax?: number; needsPhone: boolean }

export interface Product {
  id: string; kind: string; title: string; description: string; price?: Money; needsShipping: boolean;
  shipping: ShippingOption[];
}

export interface FaceBox { x: number; y: number; width: number; height: number }

export interface Verdict {
  accepted: boolean;
  faceBox?: FaceBox;
  faceCount?: number;
  reason?: string;
  message?: string;
  hint?: string;
}

export interface Photo { id: string; width: number; height: number; verdict: Verdict }

export interface Progress {
  percent: number;
  currentStep: string;
  pagesCompleted: number;
  pagesTotal: number;
  etaSeconds?: number;
}

export interface Book {
  id: string;
  status: string;
  title?: string;
  childName?: string;
  theme?: string;
  progress?: Progress;
  failure?: { code: string; message: string };
  retriesLeft?: number;
  regenerationsLeft?: number;
  createdAt?: string;
  expiresAt?: string;
  coverUrl?: string;
}

export interface Page {
  number: number;
  kind: string;
  text: string;
  imageUrl?: string;
  locked: boolean;
}

export interface Order {
  id: string;
  status: string;
  bookId?: string;
  product?: string;
  total?: Money;
  createdAt?: string;
  downloadUrl?: string;
  /** "Bristol, GB" for a printed book's delivery. */
  shipsTo?: string;
  history: { status: string; at?: string }[];
}

export interface Me { id: string; email?: string; guest: boolean; name?: string }

export interface Paged<T> { items: T[]; nextCursor?: string }
