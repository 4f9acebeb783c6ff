import { describe, expect, it } from 'vitest';
import type { Term } from './bindings/Term';
import { i18n } from './i18n/index.svelte';
import { termDue, termName, termState, termTone } from './terms';

function term(state: Term['state']): Term {
  return {
    kind: 'internal_handling',
    article: 'Awb 9:11',
    step: 1,
    party: null,
    startsOn: '2018-07-02',
    dueOn: '2018-08-13',
    basis: '6 weken na 2 juli 2018',
    state,
    open: state.state !== 'met',
  };
}

describe('a term in words', () => {
  it('gives the last day as a Dutch long date, as letters and rapporten write it', () => {
    i18n.locale = 'nl';
    expect(termDue(term({ state: 'running', days_left: 3 }))).toBe('uiterlijk 13 augustus 2018');
    expect(termName(term({ state: 'running', days_left: 3 }))).toBe('Afhandeling van de klacht door de instantie');
  });

  it('says how far an overrun term is over, in days and whole weeks', () => {
    i18n.locale = 'nl';
    // 13 August 2018 to 1 October 2019: 414 days, 59 whole weeks (the example).
    expect(termState(term({ state: 'overrun', days: 414, weeks: 59, done_on: null }))).toBe(
      'verlopen: 414 dagen over de termijn (59 weken)',
    );
    expect(termState(term({ state: 'overrun', days: 1, weeks: 0, done_on: '2018-08-14' }))).toBe(
      'te laat: gedaan op 14 augustus 2018, 1 dag na het einde',
    );
  });

  it('says the last day itself as "vandaag" and counts days left otherwise', () => {
    i18n.locale = 'nl';
    expect(termState(term({ state: 'running', days_left: 0 }))).toBe('loopt vandaag af');
    expect(termState(term({ state: 'running', days_left: 1 }))).toBe('nog 1 dag');
    expect(termState(term({ state: 'met', on: '2018-08-10' }))).toBe('gehaald op 10 augustus 2018');
  });

  it('marks a term within the week as soon and a late one apart from an overdue one', () => {
    expect(termTone(term({ state: 'running', days_left: 6 }))).toBe('soon');
    expect(termTone(term({ state: 'running', days_left: 7 }))).toBe('running');
    expect(termTone(term({ state: 'overrun', days: 2, weeks: 0, done_on: null }))).toBe('overdue');
    expect(termTone(term({ state: 'overrun', days: 2, weeks: 0, done_on: '2018-08-15' }))).toBe('late');
  });

  it('speaks English when English is chosen', () => {
    i18n.locale = 'en';
    expect(termDue(term({ state: 'running', days_left: 3 }))).toBe('by 13 August 2018');
    i18n.locale = 'nl';
  });
});
