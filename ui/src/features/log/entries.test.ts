import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n/index.svelte';
import { actionLabel, detailLine } from './entries';

describe('logboek entries', () => {
  it('names known actions in Dutch and keeps an unknown code as it is', () => {
    i18n.locale = 'nl';
    expect(actionLabel('export.pdf')).toBe('PDF geëxporteerd');
    // A code the catalogue does not know yet is shown, not hidden: the log must show everything.
    expect(actionLabel('future.thing')).toBe('future.thing');
  });

  it('shows the details that have a word, and never raw JSON', () => {
    i18n.locale = 'nl';
    const line = detailLine(JSON.stringify({ kind: 'rapport', public: true, to: '/tmp/r.pdf', bytes: 1234, nested: { a: 1 } }));
    expect(line).toBe('soort: rapport · openbaar: ja · naar: /tmp/r.pdf');
    expect(detailLine('not json')).toBe('');
  });
});
