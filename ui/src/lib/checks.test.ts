import { afterEach, describe, expect, it } from 'vitest';
import type { Check } from './bindings/Check';
import type { CheckRule } from './bindings/CheckRule';
import { setLocale } from './i18n/index.svelte';
import { nl } from './i18n/messages';
import { CHECK_TEXT, checkText } from './checks';

const check = (rule: CheckRule, refs: Check['refs'], verdict: Check['verdict'] = null): Check => ({
  severity: 'error',
  rule,
  message: 'Rust-zin',
  refs,
  verdict,
});

describe('check sentences', () => {
  afterEach(() => setLocale('nl'));

  it('has a message for every rule', () => {
    // null: a procedure finding, worded by Rust in Dutch and from its term in English.
    for (const key of Object.values(CHECK_TEXT)) if (key !== null) expect(Object.keys(nl)).toContain(key);
  });

  it('gives a procedure finding in Rust’s Dutch, and in English from the term it carries', () => {
    const term = {
      kind: 'internal_handling' as const,
      article: 'Awb 9:11',
      step: 1,
      party: null,
      startsOn: '2018-07-02',
      dueOn: '2018-08-13',
      basis: '6 weken na 2 juli 2018',
      state: { state: 'overrun' as const, days: 414, weeks: 59, done_on: null },
      open: true,
    };
    const c = check('procedure.internal_term_overrun', [{ kind: 'term', term }]);
    expect(checkText(c)).toBe('Rust-zin');
    setLocale('en');
    expect(checkText(c)).toBe('Awb 9:11 — Decision on the complaint by the body: overdue: 414 days past the term (59 weeks) (by 13 August 2018).');
  });

  it('names the point and the verdict in lower case, mid-sentence', () => {
    const c = check('verdict.gegrond_without_breach', [{ kind: 'point', number: 3 }], 'deels_gegrond');
    expect(checkText(c)).toMatch(/^Klachtonderdeel 3 is deels gegrond, maar geen norm is als niet behoorlijk beoordeeld/);
    setLocale('en');
    expect(checkText(c)).toMatch(/^Complaint point 3 is partly well-founded, but no norm/);
  });

  it('names the conflict by its title and the point it bears on', () => {
    const c = check('conflict.open_blocks_final', [
      { kind: 'point', number: 2 },
      { kind: 'conflict', title: 'Aantal {contacten}' },
    ]);
    expect(checkText(c)).toBe('Tegenstrijdigheid “Aantal {contacten}” bij klachtonderdeel 2 is nog open. Een definitief rapport kan pas als zij is beslist.');
    setLocale('en');
    expect(checkText(c)).toMatch(/^Conflict “Aantal \{contacten\}” on complaint point 2 is still open/);
  });

  it('falls back to the Rust sentence when a ref its text names is missing', () => {
    expect(checkText(check('verdict.open', [{ kind: 'conflict', title: 'X' }]))).toBe('Rust-zin');
    expect(checkText(check('verdict.gegrond_without_breach', [{ kind: 'point', number: 1 }]))).toBe('Rust-zin');
  });
});
