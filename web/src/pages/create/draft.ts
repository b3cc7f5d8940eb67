// The book being set up, kept in sessionStorage so a reload or a detour to sign in loses nothing.
import type { Photo } from "../../api/types";
import { loadSession, saveSession } from "../../lib/sessionState";

export interface ChildDraft { name: string; age: string; pronouns: string; companion: string; colour: string }

export interface Draft {
  step: 1 | 2 | 3;
  child: ChildDraft;
  photo?: Photo;
  theme?: string;
  style?: string;
}

const KEY = "storyloom.draft";

export const emptyDraft = (): Draft => ({
  step: 1,
  child: { name: "", age: "", pronouns: "", companion: "", colour: "" },
});

export const loadDraft = (): Draft => loadSession(KEY, emptyDraft());
export const saveDraft = (d: Draft): void => saveSession(KEY, d);

export function clearDraft(): void {
  try { sessionStorage.removeItem(KEY); } catch { /* ignore */ }
}

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' ’-]*$/u;

/** Same rules as the API (issue 8: 1..40 letters, spaces, hyphens, apostrophes; age 1..12). */
export function validateChild(c: ChildDraft): Record<string, string> {
  const e: Record<string, string> = {};
  const name = c.name.trim();
  if (!name) e.name = "Please enter your child's first name.";
  else if (name.length > 40) e.name = "Please keep the name to 40 characters or fewer.";
  else if (!NAME.test(name)) e.name = "Names can use letters, spaces, hyphens and apostrophes.";
  const age = Number(c.age);
  if (!c.age) e.age = "Please choose an age.";
  else if (!Number.isInteger(age) || age < 1 || age > 12) e.age = "Storyloom books are for ages 1 to 12.";
  if (!c.pronouns) e.pronouns = "Please choose how the story should talk about your child.";
  if (c.companion.trim().length > 40) e.companion = "Please keep the companion's name to 40 characters or fewer.";
  if (c.colour.trim().length > 30) e.colour = "Please keep the colour short, like “sea green”.";
  return e;
}
