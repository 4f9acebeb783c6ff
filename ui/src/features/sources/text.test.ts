import { describe, expect, it } from 'vitest';
import type { ExcerptView } from '../../lib/bindings/ExcerptView';
import { codePointOffset, MAX_HIGHLIGHTS, segments, utf16Index } from './text';

const excerpt = (start: number, end: number, quote = ''): ExcerptView => ({
  statementId: start,
  sourceId: 1,
  sourceTitle: 'brief',
  quote,
  startOffset: start,
  endOffset: end,
  page: null,
});

describe('positions in source text', () => {
  it('counts characters the way Rust does, also past characters outside the BMP', () => {
    const text = 'Zoë 📞 belde';
    expect(codePointOffset(text, text.indexOf('belde'))).toBe(6);
    expect(utf16Index(text, 6)).toBe(text.indexOf('belde'));
    expect(codePointOffset('café', 4)).toBe(4);
  });

  it('cuts the text into plain and quoted parts in order', () => {
    const text = 'Ik belde op 2 oktober en op 14 november.';
    const parts = segments(text, [excerpt(28, 39), excerpt(12, 21)]);
    expect(parts.map((p) => [p.text, p.excerpt !== null])).toEqual([
      ['Ik belde op ', false],
      ['2 oktober', true],
      [' en op ', false],
      ['14 november', true],
      ['.', false],
    ]);
  });

  it('keeps the first of overlapping excerpts and draws none for a whole register', () => {
    const text = 'abcdefghij';
    expect(segments(text, [excerpt(0, 5), excerpt(3, 8)]).filter((p) => p.excerpt).length).toBe(1);
    const many = Array.from({ length: MAX_HIGHLIGHTS + 1 }, (_, i) => excerpt(i % 10, (i % 10) + 1));
    expect(segments(text, many)).toEqual([{ text, excerpt: null }]);
  });

  it('marks in a whole register only the passage of the statement it was opened for', () => {
    // A register export has an excerpt per row; following one record to its row must still
    // show that row marked, and only that one.
    const rows = Array.from({ length: MAX_HIGHLIGHTS + 100 }, (_, i) => `rij ${String(i).padStart(4, '0')}`);
    const text = rows.join('\n');
    const many = rows.map((row, i) => ({ ...excerpt(i * 9, i * 9 + 8, row), statementId: 1000 + i }));
    const parts = segments(text, many, 1000 + 321);
    const marked = parts.filter((p) => p.excerpt);
    expect(marked.map((p) => [p.text, p.excerpt?.statementId])).toEqual([['rij 0321', 1321]]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(segments(text, many, 42)).toEqual([{ text, excerpt: null }]);
  });
});
