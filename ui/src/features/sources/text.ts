// Positions in a source's text. Rust counts characters (Unicode code points); the browser
// counts UTF-16 units. These helpers translate, and cut the text into plain and quoted parts.
import type { ExcerptView } from '../../lib/bindings/ExcerptView';

/** Code points in `text` before UTF-16 index `index`. */
export function codePointOffset(text: string, index: number): number {
  let count = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) i++;
    count++;
  }
  return count;
}

/** UTF-16 index of code point offset `offset` in `text`. */
export function utf16Index(text: string, offset: number): number {
  let index = 0;
  for (let n = 0; n < offset && index < text.length; n++) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
  }
  return index;
}

export interface Segment {
  text: string;
  excerpt: ExcerptView | null;
}

/**
 * Most highlighted excerpts drawn in the reader; beyond this (a whole register) only those of
 * the statement the reader was opened for are.
 */
export const MAX_HIGHLIGHTS = 500;

/**
 * The text cut into plain and quoted parts; overlapping excerpts keep the first. With more
 * excerpts than can be drawn, only those of `focus` (the statement followed to its passage)
 * are marked, so the reader can still show where it stands.
 */
export function segments(text: string, excerpts: ExcerptView[], focus: number | null = null): Segment[] {
  let placed = excerpts
    .filter((e) => e.startOffset !== null && e.endOffset !== null)
    .sort((a, b) => (a.startOffset ?? 0) - (b.startOffset ?? 0));
  if (placed.length > MAX_HIGHLIGHTS) placed = placed.filter((e) => e.statementId === focus);
  if (placed.length === 0) return [{ text, excerpt: null }];
  const out: Segment[] = [];
  let cursor = 0;
  for (const e of placed) {
    const start = utf16Index(text, e.startOffset ?? 0);
    const end = utf16Index(text, e.endOffset ?? 0);
    if (start < cursor || end <= start) continue;
    if (start > cursor) out.push({ text: text.slice(cursor, start), excerpt: null });
    out.push({ text: text.slice(start, end), excerpt: e });
    cursor = end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), excerpt: null });
  return out;
}

/** The selection inside `container` as code point offsets of its text, or null. */
export function selectionOffsets(container: HTMLElement, text: string): { start: number; end: number; quote: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const startUnits = before.toString().length;
  const quote = range.toString();
  const start = codePointOffset(text, startUnits);
  const end = codePointOffset(text, startUnits + quote.length);
  return end > start ? { start, end, quote } : null;
}
