import { describe, expect, it } from 'vitest';
import type { DossierRow } from '../../lib/bindings/DossierRow';
import type { DossierSummary } from '../../lib/bindings/DossierSummary';
import type { DossierFacets } from '../../lib/bindings/DossierFacets';
import { filterByState, filterDossiers, filterRows, fold, matches, nameKey, noticeFilter, stepTermFilter, termFilterCounts } from './filter';
import { EMPTY_LIST_STATE, type ListState } from './listState';

const dossier = (over: Partial<DossierSummary>): DossierSummary => ({
  id: 1,
  reference: '2019-0117',
  title: 'Geen postadres na woningbrand',
  bodies: ['Gemeente Voorbeeldstad, Klantcontactcentrum'],
  status: 'investigation',
  receivedOn: '2019-03-04',
  keywords: ['postadres', 'coördinatie'],
  ...over,
});

describe('dossier search', () => {
  it('folds case and diacritics so investigators need not type them', () => {
    expect(fold('Coördinatie ÉÉN Noëlle')).toBe('coordinatie een noelle');
  });

  it('finds a dossier by reference, title, body or keyword', () => {
    const d = dossier({});
    expect(matches(d, '0117')).toBe(true);
    expect(matches(d, 'WONINGBRAND')).toBe(true);
    expect(matches(d, 'klantcontact')).toBe(true);
    expect(matches(d, 'coordinatie')).toBe(true);
  });

  it('requires every word to match, in any order', () => {
    const d = dossier({});
    expect(matches(d, 'postadres voorbeeldstad')).toBe(true);
    expect(matches(d, 'postadres parkeren')).toBe(false);
  });

  it('keeps everything for an empty query and filters otherwise', () => {
    const list = [dossier({ id: 1 }), dossier({ id: 2, reference: '2020-0001', title: 'Parkeervergunning', keywords: [] , bodies: ['Gemeente Elders'] })];
    expect(filterDossiers(list, '   ')).toHaveLength(2);
    expect(filterDossiers(list, 'parkeer').map((d) => d.id)).toEqual([2]);
  });
});

const facets = (over: Partial<DossierFacets> = {}): DossierFacets => ({ year: 2019, bodies: [], partners: [], norms: [], verdicts: [], ...over });

type RowOver = Partial<Omit<DossierRow, 'dossier' | 'facets'>> & { dossier?: Partial<DossierSummary>; facets?: Partial<DossierFacets> };
const row = (id: number, over: RowOver = {}): DossierRow => ({
  nextTerm: null,
  overdue: 0,
  dueThisWeek: 0,
  ...over,
  dossier: dossier({ id, reference: `2019-${String(id).padStart(4, '0')}`, ...over.dossier }),
  facets: facets(over.facets),
});

describe('term filter', () => {
  // As Rust sorts them: overdue first, then the rest as received.
  const rows = [
    row(1, { overdue: 2 }),
    row(2, { overdue: 1, dueThisWeek: 1 }),
    row(3, { dueThisWeek: 1, dossier: { title: 'Parkeervergunning', keywords: [], bodies: ['Gemeente Elders'] } }),
    row(4),
  ];
  const ids = (list: DossierRow[]) => list.map((r) => r.dossier.id);

  it('shows every row under "Alle dossiers", so the default hides nothing', () => {
    expect(ids(filterRows(rows, '', 'all'))).toEqual([1, 2, 3, 4]);
  });

  it('keeps only rows with an overdue term under "Termijn verlopen", since that is what must be chased', () => {
    expect(ids(filterRows(rows, '', 'overdue'))).toEqual([1, 2]);
  });

  it('keeps rows with a term ending this week under "Deze week", whether or not another is overdue', () => {
    expect(ids(filterRows(rows, '', 'week'))).toEqual([2, 3]);
  });

  it('combines with the search words, so a filter never widens what the search box narrowed', () => {
    expect(ids(filterRows(rows, 'parkeer', 'week'))).toEqual([3]);
    expect(ids(filterRows(rows, 'parkeer', 'overdue'))).toEqual([]);
    expect(ids(filterRows(rows, '0002', 'all'))).toEqual([2]);
  });

  it('keeps the order Rust gave, because the longest overdue dossier belongs on top', () => {
    const reversed = [...rows].reverse();
    expect(ids(filterRows(reversed, '', 'all'))).toEqual([4, 3, 2, 1]);
    expect(ids(filterRows(reversed, 'postadres', 'overdue'))).toEqual([2, 1]);
  });

  it('counts the rows of each filter regardless of the search, for the buttons', () => {
    expect(termFilterCounts(rows)).toEqual({ all: 4, overdue: 2, week: 2 });
    expect(termFilterCounts([])).toEqual({ all: 0, overdue: 0, week: 0 });
  });

  it('lets the start notice show overdue terms first, and this week\'s when none is overdue', () => {
    expect(noticeFilter({ overdue: 3, thisWeek: 5 })).toBe('overdue');
    expect(noticeFilter({ overdue: 0, thisWeek: 2 })).toBe('week');
  });

  it('moves through the buttons with arrow keys, Home and End, wrapping round like radio buttons do', () => {
    expect(stepTermFilter('all', 'ArrowRight')).toBe('overdue');
    expect(stepTermFilter('week', 'ArrowRight')).toBe('all');
    expect(stepTermFilter('all', 'ArrowLeft')).toBe('week');
    expect(stepTermFilter('overdue', 'ArrowUp')).toBe('all');
    expect(stepTermFilter('overdue', 'ArrowDown')).toBe('week');
    expect(stepTermFilter('week', 'Home')).toBe('all');
    expect(stepTermFilter('all', 'End')).toBe('week');
    expect(stepTermFilter('all', 'Enter')).toBeNull();
  });
});

describe('list filters', () => {
  // As the store gives them: a partner's dossier also lists the body it acts for.
  const rows = [
    row(1, { facets: { year: 2025, bodies: ['Gemeente Voorbeeldstad'], partners: [{ name: 'WIJ-team Oost', body: 'Gemeente Voorbeeldstad' }], norms: ['goede-organisatie'], verdicts: ['gegrond'] } }),
    row(2, { dossier: { status: 'closed', keywords: ['Postadres'] }, facets: { year: 2025, bodies: ['Gemeente Voorbeeldstad'], norms: ['klassiek/voortvarendheid', 'voortvarendheid'], verdicts: ['niet_gegrond'] } }),
    row(3, { overdue: 1, dossier: { keywords: ['bereikbaarheid'] }, facets: { year: 2026, bodies: ['Waterschap De Dommel'], norms: ['voortvarendheid'], verdicts: ['gegrond', 'geen_oordeel'] } }),
    row(4, { dossier: { keywords: [] }, facets: { year: 2026, bodies: ['gemeente  voorbeeldstad'] } }),
  ];
  const ids = (list: DossierRow[]) => list.map((r) => r.dossier.id);
  const only = (over: Partial<ListState>) => ids(filterByState(rows, '', { ...EMPTY_LIST_STATE, ...over }));

  it('shows every row when no filter is set', () => {
    expect(only({})).toEqual([1, 2, 3, 4]);
  });

  it('matches a body in dossiers about it or about one of its partners, whatever its spelling', () => {
    expect(nameKey(' Gemeente   Voorbeeldstad ')).toBe(nameKey('gemeente voorbeeldstad'));
    expect(only({ body: 'Gemeente Voorbeeldstad' })).toEqual([1, 2, 4]);
  });

  it('matches a partner only in the dossiers it appears in, not all of its body', () => {
    expect(only({ partner: 'WIJ-team Oost' })).toEqual([1]);
  });

  it('finds the older forms under a current norm, because the facets carry both', () => {
    expect(only({ norm: 'voortvarendheid' })).toEqual([2, 3]);
    expect(only({ norm: 'klassiek/voortvarendheid' })).toEqual([2]);
  });

  it('filters on status, year, verdict and trefwoord (folded like the search)', () => {
    expect(only({ status: 'closed' })).toEqual([2]);
    expect(only({ year: 2026 })).toEqual([3, 4]);
    expect(only({ verdict: 'gegrond' })).toEqual([1, 3]);
    expect(only({ keyword: 'postadres' })).toEqual([1, 2]);
  });

  it('combines every filter with AND, the term filter and the search words included', () => {
    expect(only({ body: 'Gemeente Voorbeeldstad', year: 2025, norm: 'voortvarendheid' })).toEqual([2]);
    expect(only({ norm: 'voortvarendheid', term: 'overdue' })).toEqual([3]);
    expect(only({ year: 2026, body: 'Gemeente Voorbeeldstad', verdict: 'gegrond' })).toEqual([]);
    expect(ids(filterByState(rows, '0002', { ...EMPTY_LIST_STATE, year: 2025 }))).toEqual([2]);
  });

  it('shows exactly the dossiers a number on Signalen stands for, in the list\'s own order', () => {
    expect(only({ dossiers: [4, 1], origin: 'Gegrond, 2025' })).toEqual([1, 4]);
    expect(only({ dossiers: [4, 1], year: 2025 })).toEqual([1]);
    expect(only({ dossiers: [99] })).toEqual([]);
  });
});
