import { describe, expect, it } from 'vitest';
import { format, translate } from './index.svelte';
import { en, nl } from './messages';

describe('message catalogue', () => {
  it('has an English text for every Dutch key and no extras', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(names(en[key]), key).toEqual(names(nl[key]));
    }
  });

  it('has no empty texts', () => {
    for (const [key, text] of Object.entries(nl)) expect(text.trim(), key).not.toBe('');
  });

  it('labels every status, role and verdict code of the Rust vocabularies', () => {
    const codes = {
      status: ['intake', 'intervention', 'investigation', 'findings_sent', 'reported', 'closed'],
      role: ['requester', 'body', 'official', 'representative', 'witness', 'third_party'],
      verdict: ['open', 'gegrond', 'niet_gegrond', 'deels_gegrond', 'geen_oordeel'],
      outcome: ['behoorlijk', 'niet_behoorlijk', 'geen_oordeel'],
      severity: ['error', 'warning', 'info'],
    };
    for (const [prefix, list] of Object.entries(codes)) {
      for (const code of list) expect(Object.keys(nl)).toContain(`${prefix}.${code}`);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{shown} van {total}', { shown: 1, total: 3 })).toBe('1 van 3');
    expect(format('{missing}', {})).toBe('{missing}');
    expect(translate('nl', 'dossiers.created', { reference: '2019-0118' })).toBe('Dossier 2019-0118 is aangemaakt.');
    expect(translate('en', 'dossiers.created', { reference: '2019-0118' })).toBe('Case file 2019-0118 was created.');
  });
});
