// Filtering the dossier list as the user types: every word must occur somewhere in the
// reference, title, bodies or keywords, ignoring case and diacritics ("noelle" finds "Noëlle").
// On top of that the term filter (all dossiers, those with an overdue term, or those with a
// term that ends this week) and the list's other filters (listState.ts), all combined: a row
// shows when it passes every one. Filtering never re-sorts: the order is the one Rust gave.
import type { DeadlineSummary } from '../../lib/bindings/DeadlineSummary';
import type { DossierRow } from '../../lib/bindings/DossierRow';
import type { DossierSummary } from '../../lib/bindings/DossierSummary';
import { EMPTY_LIST_STATE, FILTER_KEYS, TERM_FILTERS, type FilterKey, type ListState, type TermFilter } from './listState';

export { TERM_FILTERS, type TermFilter };

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

export function matches(dossier: DossierSummary, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([dossier.reference, dossier.title, ...dossier.bodies, ...dossier.keywords].join(' '));
  return words.every((word) => haystack.includes(word));
}

export function filterDossiers(dossiers: DossierSummary[], query: string): DossierSummary[] {
  return dossiers.filter((d) => matches(d, query));
}

/** Whether a row passes the term filter: `overdue` wants an overdue term, `week` one that ends this week. */
export function matchesTermFilter(row: DossierRow, filter: TermFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'overdue':
      return row.overdue > 0;
    case 'week':
      return row.dueThisWeek > 0;
  }
}

/** The rows that pass both the search words and the term filter, in the order given. */
export function filterRows(rows: DossierRow[], query: string, filter: TermFilter): DossierRow[] {
  return filterByState(rows, query, { ...EMPTY_LIST_STATE, term: filter });
}

/** The key two spellings of one name share: case, diacritics and spacing folded away. */
export function nameKey(name: string): string {
  return fold(name.split(/\s+/).filter(Boolean).join(' '));
}

const hasName = (names: string[], wanted: string) => {
  const key = nameKey(wanted);
  return names.some((n) => nameKey(n) === key);
};

/** Whether a row passes one filter of the state (an unset filter passes everything). */
export function passes(row: DossierRow, state: ListState, key: FilterKey): boolean {
  const { dossier, facets } = row;
  switch (key) {
    case 'dossiers':
      return state.dossiers === null || state.dossiers.includes(dossier.id);
    case 'status':
      return state.status === null || dossier.status === state.status;
    case 'body':
      // Facets roll partners up to their body, so a body also finds its partners' dossiers.
      return state.body === null || hasName(facets.bodies, state.body);
    case 'partner':
      return state.partner === null || hasName(facets.partners.map((p) => p.name), state.partner);
    case 'year':
      return state.year === null || facets.year === state.year;
    case 'norm':
      // Facets hold older norms and the current norms they map to, so a current norm finds both.
      return state.norm === null || facets.norms.includes(state.norm);
    case 'verdict':
      return state.verdict === null || facets.verdicts.includes(state.verdict);
    case 'keyword':
      return state.keyword === null || hasName(dossier.keywords, state.keyword);
    case 'term':
      return matchesTermFilter(row, state.term);
  }
}

/** Whether a row passes the search words and every filter of the state but those in `except`. */
export function matchesState(row: DossierRow, query: string, state: ListState, except: FilterKey[] = []): boolean {
  return FILTER_KEYS.every((key) => except.includes(key) || passes(row, state, key)) && matches(row.dossier, query);
}

/** The rows that pass the search words and every filter of the state, in the order given. */
export function filterByState(rows: DossierRow[], query: string, state: ListState): DossierRow[] {
  return rows.filter((row) => matchesState(row, query, state));
}

/** How many rows each term filter would show (ignoring the search words), for the buttons. */
export function termFilterCounts(rows: DossierRow[]): Record<TermFilter, number> {
  const counts: Record<TermFilter, number> = { all: 0, overdue: 0, week: 0 };
  for (const row of rows) for (const f of TERM_FILTERS) if (matchesTermFilter(row, f)) counts[f]++;
  return counts;
}

/** The filter the start notice's "Toon ze" picks: overdue terms first, else this week's. */
export function noticeFilter(summary: Pick<DeadlineSummary, 'overdue' | 'thisWeek'>): TermFilter {
  return summary.overdue > 0 ? 'overdue' : 'week';
}

/** The filter an arrow key, Home or End moves to in the segmented group, or `null` for other keys. */
export function stepTermFilter(current: TermFilter, key: string): TermFilter | null {
  const at = TERM_FILTERS.indexOf(current);
  const last = TERM_FILTERS.length - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return TERM_FILTERS[at === last ? 0 : at + 1];
    case 'ArrowLeft':
    case 'ArrowUp':
      return TERM_FILTERS[at === 0 ? last : at - 1];
    case 'Home':
      return TERM_FILTERS[0];
    case 'End':
      return TERM_FILTERS[last];
    default:
      return null;
  }
}
