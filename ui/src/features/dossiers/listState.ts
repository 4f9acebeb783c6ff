// The Dossiers screen's filters as a URL-like state in the hash — `#/?status=investigation&
// instantie=Gemeente%20Voorbeeldstad&norm=voortvarendheid&jaar=2025` — read and written here, so
// a filter can be linked to (every number on Signalen is such a link), shown, remembered
// between starts of the app and restored. Unknown or garbled parameters are left out; reading
// never fails. The search words stay in the search box and are not part of this state.
import type { DossierStatus } from '../../lib/bindings/DossierStatus';
import type { Verdict } from '../../lib/bindings/Verdict';
import { listHref } from '../../lib/route';
import { DOSSIER_STATUSES, VERDICTS } from '../../lib/vocab';

/** The term filter's choices, in the order of the buttons. */
export const TERM_FILTERS = ['all', 'overdue', 'week'] as const;
export type TermFilter = (typeof TERM_FILTERS)[number];

export interface ListState {
  status: DossierStatus | null;
  /** A body: matches dossiers about it or about one of its partners. */
  body: string | null;
  /** A partner acting for a body: matches the dossiers it appears in. */
  partner: string | null;
  year: number | null;
  /** A norm judged niet behoorlijk (a current norm also matches the older norms mapped to it). */
  norm: string | null;
  verdict: Verdict | null;
  keyword: string | null;
  term: TermFilter;
  /** Exactly these dossiers (a number on Signalen), with the label it came with. */
  dossiers: number[] | null;
  origin: string | null;
}

/** Every filter a chip can remove; `dossiers` removes its label with it. */
export type FilterKey = 'dossiers' | 'status' | 'body' | 'partner' | 'year' | 'norm' | 'verdict' | 'keyword' | 'term';

/** The parameter of each filter in the hash, in the order they are written. */
const PARAMS: Record<FilterKey, string> = {
  dossiers: 'dossiers',
  status: 'status',
  body: 'instantie',
  partner: 'partner',
  year: 'jaar',
  norm: 'norm',
  verdict: 'oordeel',
  keyword: 'trefwoord',
  term: 'termijn',
};
const ORIGIN_PARAM = 'uit';
export const FILTER_KEYS = Object.keys(PARAMS) as FilterKey[];

/** Longer than any name or label a dossier holds: a longer value is not one of ours. */
const MAX_TEXT = 300;
/** More ids than one link should carry; the rest is left out rather than failing. */
const MAX_IDS = 10_000;

export const EMPTY_LIST_STATE: ListState = {
  status: null,
  body: null,
  partner: null,
  year: null,
  norm: null,
  verdict: null,
  keyword: null,
  term: 'all',
  dossiers: null,
  origin: null,
};

function text(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed && trimmed.length <= MAX_TEXT ? trimmed : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function ids(value: string | null): number[] | null {
  if (value === null) return null;
  const seen = new Set<number>();
  for (const part of value.split(',').slice(0, MAX_IDS)) {
    if (/^\s*\d{1,15}\s*$/.test(part)) seen.add(Number(part));
  }
  return seen.size > 0 ? [...seen] : null;
}

/** The state a hash's query (the part after `?`) describes; whatever it cannot read is left out. */
export function parseListState(query: string): ListState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query.replace(/^\?/, ''));
  } catch {
    return { ...EMPTY_LIST_STATE };
  }
  const get = (key: FilterKey) => params.get(PARAMS[key]);
  const year = get('year');
  const term = oneOf(get('term'), TERM_FILTERS);
  const dossiers = ids(get('dossiers'));
  return {
    status: oneOf(get('status'), DOSSIER_STATUSES),
    body: text(get('body')),
    partner: text(get('partner')),
    year: year !== null && /^\d{4}$/.test(year.trim()) ? Number(year) : null,
    norm: text(get('norm')),
    verdict: oneOf(get('verdict'), VERDICTS),
    keyword: text(get('keyword')),
    term: term ?? 'all',
    dossiers,
    origin: dossiers ? text(params.get(ORIGIN_PARAM)) : null,
  };
}

/** The query for a state (without `?`): only the filters that are set, in a fixed order. */
export function serialiseListState(state: ListState): string {
  const parts: string[] = [];
  const put = (param: string, value: string) => parts.push(`${param}=${encodeURIComponent(value)}`);
  for (const key of FILTER_KEYS) {
    const value = valueOf(state, key);
    // Ids and commas need no escaping: `dossiers=3,7,9` stays readable.
    if (value !== null) parts.push(`${PARAMS[key]}=${key === 'dossiers' ? value : encodeURIComponent(value)}`);
    if (key === 'dossiers' && value !== null && state.origin) put(ORIGIN_PARAM, state.origin);
  }
  return parts.join('&');
}

function valueOf(state: ListState, key: FilterKey): string | null {
  switch (key) {
    case 'dossiers':
      return state.dossiers && state.dossiers.length > 0 ? state.dossiers.join(',') : null;
    case 'year':
      return state.year === null ? null : String(state.year);
    case 'term':
      return state.term === 'all' ? null : state.term;
    default:
      return state[key];
  }
}

/** The hash that shows the list with this state: `#/` when no filter is set. */
export function listStateHref(state: ListState): string {
  return listHref(serialiseListState(state));
}

/** The filters that are set, in the order the chips show them. */
export function activeFilters(state: ListState): FilterKey[] {
  return FILTER_KEYS.filter((key) => valueOf(state, key) !== null);
}

/** The state without one filter (removing `dossiers` also drops the label it came with). */
export function withoutFilter(state: ListState, key: FilterKey): ListState {
  const next = { ...state, [key]: key === 'term' ? 'all' : null };
  if (key === 'dossiers') next.origin = null;
  return next;
}

/** A list of exactly these dossiers, as Signalen links to it. */
export function dossiersHref(dossiers: number[], origin: string): string {
  return listStateHref({ ...EMPTY_LIST_STATE, dossiers: [...dossiers], origin });
}

const STORAGE_KEY = 'wederhoor.dossierList';

/** Whether a hash is the list with nothing after it: where the remembered state applies. */
export function isBareList(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/' || hash === '#/?';
}

/**
 * Where to go instead of `hash`: the remembered list state, when the app shows the bare list
 * and a state with filters was remembered; else `null` (stay).
 */
export function restoredHash(hash: string, remembered: string | null): string | null {
  if (!isBareList(hash) || remembered === null || !remembered.startsWith('#/?')) return null;
  const query = serialiseListState(parseListState(remembered.slice(3)));
  return query ? listHref(query) : null;
}

/** Remembers the list's state (its hash) for the next start; storage may be unavailable. */
export function rememberList(hash: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, hash);
  } catch {
    // Without storage the filters last until the app closes.
  }
}

/** The list state remembered last, or `null`. */
export function rememberedList(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
