// How the list's active filters are told: one chip per filter ("Instantie: Gemeente
// Voorbeeldstad", "Uit Signalen: Gegrond, 2025 (3 dossiers)"), and the sentence an empty
// result shows, naming every filter and the search words that left nothing.
import type { Norm } from '../../lib/bindings/Norm';
import { joinList } from '../../lib/errors';
import { label, t, type MessageKey } from '../../lib/i18n/index.svelte';
import { activeFilters, type FilterKey, type ListState, type TermFilter } from './listState';

export interface Chip {
  key: FilterKey;
  text: string;
}

const TERM_LABEL: Record<TermFilter, MessageKey> = {
  all: 'terms.filterAll',
  overdue: 'terms.filterOverdue',
  week: 'terms.filterWeek',
};

/** A norm's name from the catalogue, marked when it is an older norm; the code when unknown. */
export function normName(code: string, catalogue: Map<string, Norm>): string {
  const norm = catalogue.get(code);
  if (!norm) return code;
  return norm.catalogue === 'behoorlijkheidswijzer' ? norm.name : t('list.chip.olderNorm', { name: norm.name });
}

function chipText(state: ListState, key: FilterKey, catalogue: Map<string, Norm>): string {
  switch (key) {
    case 'dossiers': {
      const n = state.dossiers?.length ?? 0;
      if (!state.origin) return t('list.chip.selected', { n });
      return t(n === 1 ? 'list.chip.originOne' : 'list.chip.origin', { label: state.origin, n });
    }
    case 'status':
      return t('list.chip.status', { value: label('status', state.status ?? '') });
    case 'body':
      return t('list.chip.body', { value: state.body ?? '' });
    case 'partner':
      return t('list.chip.partner', { value: state.partner ?? '' });
    case 'year':
      return t('list.chip.year', { value: String(state.year ?? '') });
    case 'norm':
      return t('list.chip.norm', { value: normName(state.norm ?? '', catalogue) });
    case 'verdict':
      return t('list.chip.verdict', { value: label('verdict', state.verdict ?? '') });
    case 'keyword':
      return t('list.chip.keyword', { value: state.keyword ?? '' });
    case 'term':
      return t('list.chip.term', { value: t(TERM_LABEL[state.term]) });
  }
}

/** The chips of the filters that are set, in a fixed order. */
export function chipsOf(state: ListState, catalogue: Map<string, Norm>): Chip[] {
  return activeFilters(state).map((key) => ({ key, text: chipText(state, key, catalogue) }));
}

/** "Geen dossiers voldoen aan “Instantie: …” en “Jaar: 2025”.", with the search words when typed. */
export function noMatchText(chips: Chip[], query: string): string {
  const parts = chips.map((c) => `“${c.text}”`);
  if (query.trim()) parts.push(`“${t('list.chip.words', { query: query.trim() })}”`);
  return t('list.noMatch', { filters: joinList(parts) });
}
