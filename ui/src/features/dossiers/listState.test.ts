import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../lib/route';
import {
  activeFilters,
  dossiersHref,
  EMPTY_LIST_STATE,
  isBareList,
  listStateHref,
  parseListState,
  restoredHash,
  serialiseListState,
  withoutFilter,
  type ListState,
} from './listState';

const state = (over: Partial<ListState>): ListState => ({ ...EMPTY_LIST_STATE, ...over });

describe('the list state in the hash', () => {
  it('reads the filters of the issue\'s example, with a name that has a space', () => {
    const read = parseListState('status=investigation&instantie=Gemeente%20Voorbeeldstad&norm=voortvarendheid&jaar=2025');
    expect(read).toEqual(state({ status: 'investigation', body: 'Gemeente Voorbeeldstad', norm: 'voortvarendheid', year: 2025 }));
  });

  it('writes what it reads, so a link, a restart and a chip all land on the same list', () => {
    const full = state({
      status: 'closed',
      body: 'Gemeente Voorbeeldstad',
      partner: 'WIJ-team Oost',
      year: 2025,
      norm: 'klassiek/coordinatie',
      verdict: 'deels_gegrond',
      keyword: 'coördinatie & post',
      term: 'overdue',
      dossiers: [3, 7, 9],
      origin: 'Gegrond, 2025',
    });
    expect(parseListState(serialiseListState(full))).toEqual(full);
    expect(serialiseListState(state({ body: 'Gemeente Voorbeeldstad' }))).toBe('instantie=Gemeente%20Voorbeeldstad');
  });

  it('writes nothing for no filters, so the bare list stays #/', () => {
    expect(serialiseListState(EMPTY_LIST_STATE)).toBe('');
    expect(listStateHref(EMPTY_LIST_STATE)).toBe('#/');
    expect(listStateHref(state({ year: 2025 }))).toBe('#/?jaar=2025');
  });

  it('leaves out unknown, garbled and out-of-vocabulary parameters instead of failing', () => {
    expect(parseListState('onzin=1&status=verzonnen&oordeel=half&jaar=20x5&termijn=morgen&dossiers=a,b')).toEqual(EMPTY_LIST_STATE);
    expect(parseListState('instantie=%E0%A4%A&jaar=2025').year).toBe(2025);
    expect(parseListState('%%%&&==&instantie=').body).toBeNull();
    expect(parseListState('instantie=' + 'x'.repeat(400)).body).toBeNull();
    expect(parseListState('?jaar=2019')).toEqual(state({ year: 2019 }));
  });

  it('keeps the good ids of a garbled list, each once', () => {
    expect(parseListState('dossiers=3,x,7,,3,-1,9').dossiers).toEqual([3, 7, 9]);
  });

  it('keeps the label of a Signalen link only together with its dossiers', () => {
    expect(parseListState('uit=Gegrond').origin).toBeNull();
    expect(parseListState('dossiers=1&uit=Gegrond%2C%202025')).toEqual(state({ dossiers: [1], origin: 'Gegrond, 2025' }));
  });

  it('makes the link Signalen uses, and the route reads it back as the list', () => {
    const href = dossiersHref([3, 7, 9], 'Gegrond, 2025');
    expect(href).toBe('#/?dossiers=3,7,9&uit=Gegrond%2C%202025');
    const route = parseRoute(href);
    expect(route.name).toBe('dossiers');
    expect(parseListState(route.name === 'dossiers' ? (route.query ?? '') : '')).toEqual(state({ dossiers: [3, 7, 9], origin: 'Gegrond, 2025' }));
  });
});

describe('chips', () => {
  it('lists the set filters in a fixed order and removes one at a time', () => {
    const s = state({ year: 2025, body: 'Gemeente Voorbeeldstad', term: 'week', dossiers: [1], origin: 'x' });
    expect(activeFilters(s)).toEqual(['dossiers', 'body', 'year', 'term']);
    expect(withoutFilter(s, 'term').term).toBe('all');
    expect(withoutFilter(s, 'dossiers')).toEqual(state({ year: 2025, body: 'Gemeente Voorbeeldstad', term: 'week' }));
    expect(activeFilters(withoutFilter(s, 'body'))).toEqual(['dossiers', 'year', 'term']);
  });
});

describe('restoring the list on start', () => {
  it('goes back to the remembered filters when the app opens on the bare list', () => {
    expect(restoredHash('', '#/?jaar=2025')).toBe('#/?jaar=2025');
    expect(restoredHash('#/', '#/?instantie=Gemeente%20Voorbeeldstad')).toBe('#/?instantie=Gemeente%20Voorbeeldstad');
  });

  it('stays where the app was asked to go: a dossier, a filtered list, Signalen', () => {
    expect(restoredHash('#/dossier/12', '#/?jaar=2025')).toBeNull();
    expect(restoredHash('#/?status=closed', '#/?jaar=2025')).toBeNull();
    expect(restoredHash('#/signalen', '#/?jaar=2025')).toBeNull();
  });

  it('stays on the bare list when nothing or nothing readable was remembered', () => {
    expect(restoredHash('#/', null)).toBeNull();
    expect(restoredHash('#/', '#/')).toBeNull();
    expect(restoredHash('#/', '#/?onzin=1')).toBeNull();
    expect(restoredHash('#/', 'javascript:alert(1)')).toBeNull();
    expect(restoredHash('#/', '#/?jaar=2025&onzin=1')).toBe('#/?jaar=2025');
  });

  it('knows the bare list in each spelling the web view may give', () => {
    for (const hash of ['', '#', '#/', '#/?']) expect(isBareList(hash)).toBe(true);
    expect(isBareList('#/?jaar=2025')).toBe(false);
  });
});
