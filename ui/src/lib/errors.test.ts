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
      checks: [],
      findings: [],
    });
    expect(text).toBe('Deze partij heeft nog 4 lezingen en 1 reactie en kan daarom niet worden verwijderd. Er is niets veranderd.');
  });

  it('uses the article of the item ("dit stuk")', () => {
    i18n.locale = 'nl';
    const text = describeError({ kind: 'in_use', message: '', fields: [], item: 'source', references: [{ kind: 'excerpt', count: 2 }], checks: [], findings: [] });
    expect(text.startsWith('Dit stuk heeft nog 2 citaten')).toBe(true);
  });

  // A refused final version names what stands in the way in the chosen language, from the
  // typed checks, not from the Dutch sentence Rust sends along for the command line.
  it('words the checks of a blocked step from the catalogue', () => {
    i18n.locale = 'en';
    const text = describeError({
      kind: 'blocked',
      message: 'Klachtonderdeel 4 heeft nog geen oordeel.',
      fields: [],
      item: null,
      references: [],
      checks: [{ severity: 'info', rule: 'verdict.open', message: 'Klachtonderdeel 4 heeft nog geen oordeel.', refs: [{ kind: 'point', number: 4 }], verdict: null }],
      findings: [],
    });
    expect(text).not.toContain('Klachtonderdeel');
    expect(text).toContain('4');
    i18n.locale = 'nl';
  });

  it('counts the findings of a stopped public version instead of repeating the Rust sentence', () => {
    i18n.locale = 'nl';
    const text = describeError({
      kind: 'report',
      message: 'De openbare versie is tegengehouden: … BSN 12•••••82 …',
      fields: [],
      item: null,
      references: [],
      checks: [],
      findings: [
        { kind: 'bsn', masked: '12•••••82', text: '123456782', key: '123456782', place: '§ Bevindingen', context: 'BSN 12•••••82', count: 1 },
        { kind: 'phone', masked: '06••••••78', text: '0612345678', key: '0612345678', place: '§ Bevindingen', context: 'op 06••••••78', count: 2 },
      ],
    });
    expect(text).toContain('2 persoonsgegeven');
    expect(text).not.toContain('123456782');
  });
});
