import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { i18n } from './i18n/index.svelte';

describe('describeError', () => {
  // A refused removal must say what still refers to the item, counted and in plain Dutch,
  // so the investigator knows what to remove or reassign first.
  it('names the references of a refused removal as a Dutch sentence', () => {
    i18n.locale = 'nl';
    const text = describeError({
      kind: 'in_use',
      message: '',
      fields: [],
      item: 'party',
      references: [
        { kind: 'statement', count: 4 },
        { kind: 'reaction', count: 1 },
      ],
    });
    expect(text).toBe('Deze partij heeft nog 4 lezingen en 1 reactie en kan daarom niet worden verwijderd. Er is niets veranderd.');
  });

  it('uses the article of the item ("dit stuk")', () => {
    i18n.locale = 'nl';
    const text = describeError({ kind: 'in_use', message: '', fields: [], item: 'source', references: [{ kind: 'excerpt', count: 2 }] });
    expect(text.startsWith('Dit stuk heeft nog 2 citaten')).toBe(true);
  });
});
