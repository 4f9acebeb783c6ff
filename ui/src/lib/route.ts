// The places of the app, read from the URL hash.
// The list carries its filters after `?` (`#/?status=investigation`, see features/dossiers/listState).
export type Route = { name: 'dossiers'; query?: string } | { name: 'dossier'; id: number; place?: DossierPlace } | { name: 'security' } | { name: 'signals' };

/**
 * A place inside a dossier, so a passage opened from a search survives a reload:
 * `#/dossier/12/stuk/5?zoek=woord` (a source, the words marked), `#/dossier/12/stuk/5/lezing/77`
 * (a statement at the passage it quotes), `#/dossier/12/rapport/3` (a report version) and
 * `#/dossier/12?zoek=woord` (the dossier's own search with these words).
 */
export type DossierPlace =
  | { screen: 'source'; sourceId: number; statementId: number | null; search: string }
  | { screen: 'report'; reportId: number }
  | { screen: 'search'; search: string };

export const SECURITY_HREF = '#/beveiliging';
export const SIGNALS_HREF = '#/signalen';

export function parseRoute(hash: string): Route {
  if (hash === SECURITY_HREF) return { name: 'security' };
  if (hash === SIGNALS_HREF) return { name: 'signals' };
  const list = /^#\/\?(.*)$/s.exec(hash);
  if (list) return { name: 'dossiers', query: list[1] };
  const m = /^#\/dossier\/(\d+)(?:\/(stuk|rapport)\/(\d+)(?:\/lezing\/(\d+))?)?(?:\?(.*))?$/s.exec(hash);
  if (!m || (m[2] === 'rapport' && m[4])) return { name: 'dossiers' };
  const id = Number(m[1]);
  const search = new URLSearchParams(m[5] ?? '').get('zoek')?.trim() ?? '';
  if (m[2] === 'stuk') return { name: 'dossier', id, place: { screen: 'source', sourceId: Number(m[3]), statementId: m[4] ? Number(m[4]) : null, search } };
  if (m[2] === 'rapport') return { name: 'dossier', id, place: { screen: 'report', reportId: Number(m[3]) } };
  return search ? { name: 'dossier', id, place: { screen: 'search', search } } : { name: 'dossier', id };
}

export function dossierHref(id: number): string {
  return `#/dossier/${id}`;
}

/** The hash of a place inside a dossier (see {@link DossierPlace}). */
export function placeHref(id: number, place: DossierPlace): string {
  const words = (search: string) => (search.trim() ? `?${new URLSearchParams({ zoek: search.trim() })}` : '');
  if (place.screen === 'report') return `${dossierHref(id)}/rapport/${place.reportId}`;
  if (place.screen === 'search') return `${dossierHref(id)}${words(place.search)}`;
  const statement = place.statementId !== null ? `/lezing/${place.statementId}` : '';
  return `${dossierHref(id)}/stuk/${place.sourceId}${statement}${words(place.search)}`;
}

/** The list with a filter query (without `?`); `#/` when there is none. */
export function listHref(query: string): string {
  return query ? `#/?${query}` : '#/';
}
