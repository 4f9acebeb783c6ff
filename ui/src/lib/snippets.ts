// The words a search found, in the UI: a snippet's marked match (`[` and `]`, as the store
// writes them) drawn without trusting any HTML, and the same words found again in a text the
// reader shows, folded the way the search index folds them (case and diacritics dropped:
// "coordinatie" finds "Coördinatie"), the last word typed counting as a beginning.

export interface Piece {
  text: string;
  hit: boolean;
}

/** A snippet cut into plain text and the marked matches. */
export function snippetPieces(snippet: string): Piece[] {
  return snippet
    .split(/(\[[^\]]*\])/)
    .filter((p) => p !== '')
    .map((p) => (p.startsWith('[') && p.endsWith(']') ? { hit: true, text: p.slice(1, -1) } : { hit: false, text: p }));
}

/** Lower case without diacritics. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The beginnings the statements' index keeps: a shorter last word must match whole. */
const INDEXED_PREFIX = 3;

/**
 * Where the typed words stand in `text`, as UTF-16 ranges `[start, end)`: every word equal to
 * one of the typed words, or beginning with the last one once it has three letters.
 */
export function matchRanges(text: string, typed: string): [number, number][] {
  const words = typed.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').map(fold);
  const last = words.pop();
  if (last === undefined) return [];
  const marks = (word: string) => {
    const folded = fold(word);
    return words.includes(folded) || folded === last || ([...last].length >= INDEXED_PREFIX && folded.startsWith(last));
  };
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (marks(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Parts of a text (in order, together the whole text) cut again where the ranges begin and end. */
export function splitFound<T extends { text: string }>(parts: T[], ranges: [number, number][]): (T & { found: boolean })[] {
  const out: (T & { found: boolean })[] = [];
  let offset = 0;
  for (const part of parts) {
    const end = offset + part.text.length;
    let cursor = offset;
    for (const [from, to] of ranges) {
      const start = Math.max(from, cursor);
      const stop = Math.min(to, end);
      if (stop <= start) continue;
      if (start > cursor) out.push({ ...part, text: part.text.slice(cursor - offset, start - offset), found: false });
      out.push({ ...part, text: part.text.slice(start - offset, stop - offset), found: true });
      cursor = stop;
    }
    if (cursor < end) out.push({ ...part, text: part.text.slice(cursor - offset), found: false });
    offset = end;
  }
  return out;
}
