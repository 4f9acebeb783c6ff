import { describe, expect, it } from 'vitest';
import { formatDay } from './dates';
import { dossierHref, listHref, parseRoute, placeHref, SIGNALS_HREF, type DossierPlace } from './route';

describe('routes', () => {
  it('reads a dossier id from the hash and falls back to the list', () => {
    expect(parseRoute(dossierHref(12))).toEqual({ name: 'dossier', id: 12 });
    expect(parseRoute('')).toEqual({ name: 'dossiers' });
    expect(parseRoute('#/dossier/abc')).toEqual({ name: 'dossiers' });
  });

  it('reads the list with its filters and Signalen, so a link from Signalen opens the list filtered', () => {
    expect(parseRoute('#/?jaar=2025&instantie=Gemeente%20Voorbeeldstad')).toEqual({ name: 'dossiers', query: 'jaar=2025&instantie=Gemeente%20Voorbeeldstad' });
    expect(parseRoute(listHref('jaar=2025'))).toEqual({ name: 'dossiers', query: 'jaar=2025' });
    expect(listHref('')).toBe('#/');
    expect(parseRoute(SIGNALS_HREF)).toEqual({ name: 'signals' });
  });
});

describe('places inside a dossier', () => {
  it('keep a passage opened from a search through a reload: source, statement, report, search', () => {
    const places: DossierPlace[] = [
      { screen: 'source', sourceId: 5, statementId: null, search: 'stookkosten' },
      { screen: 'source', sourceId: 5, statementId: 77, search: '' },
      { screen: 'source', sourceId: 5, statementId: 77, search: 'coördinatie over' },
      { screen: 'report', reportId: 3 },
      { screen: 'search', search: 'wachttijd loket' },
    ];
    for (const place of places) expect(parseRoute(placeHref(12, place)), placeHref(12, place)).toEqual({ name: 'dossier', id: 12, place });
    expect(placeHref(12, places[0])).toBe('#/dossier/12/stuk/5?zoek=stookkosten');
    expect(placeHref(12, places[3])).toBe('#/dossier/12/rapport/3');
  });

  it('leave out what is not there, and fall back to the list on what cannot be read', () => {
    expect(placeHref(12, { screen: 'search', search: '  ' }), 'no words: just the dossier').toBe(dossierHref(12));
    expect(parseRoute('#/dossier/12?zoek=')).toEqual({ name: 'dossier', id: 12 });
    expect(parseRoute('#/dossier/12/stuk/abc')).toEqual({ name: 'dossiers' });
    expect(parseRoute('#/dossier/12/rapport/3/lezing/4'), 'a report has no statements').toEqual({ name: 'dossiers' });
    expect(parseRoute('#/dossier/12/onbekend/3')).toEqual({ name: 'dossiers' });
  });
});

describe('days', () => {
  it('shows ISO days the Dutch way', () => {
    expect(formatDay('2019-03-04')).toBe('4-3-2019');
    expect(formatDay('2019-03-04', 'en')).toBe('4 Mar 2019');
    expect(formatDay('onbekend')).toBe('onbekend');
  });
});
