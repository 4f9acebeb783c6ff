// The library search's results as the Dossiers screen shows them: where a hit opens (the
// dossier at that passage, as a hash that survives a reload), what it is called, and the last
// search, kept while the app runs so coming back to the list shows it again.
import type { LibraryGroup } from '../../lib/bindings/LibraryGroup';
import type { SearchHit } from '../../lib/bindings/SearchHit';
import { formatLongDay } from '../../lib/dates';
import { label, t, type Locale } from '../../lib/i18n/index.svelte';
import type { MessageKey } from '../../lib/i18n/messages';
import { placeHref, type DossierPlace } from '../../lib/route';

/** Where a hit opens: a source in the reader with the words marked, a statement at the
 * passage it quotes, a report version on the Rapport screen; a statement that quotes no
 * source opens the dossier's own search with the same words. */
export function hitPlace(hit: SearchHit, query: string): DossierPlace {
  const search = query.trim();
  if (hit.kind === 'report') return { screen: 'report', reportId: hit.id };
  if (hit.sourceId === null) return { screen: 'search', search };
  const statementId = hit.kind === 'statement' ? hit.id : null;
  return { screen: 'source', sourceId: hit.sourceId, statementId, search };
}

export function hitHref(group: LibraryGroup, hit: SearchHit, query: string): string {
  return placeHref(group.dossierId, hitPlace(hit, query));
}

/** "meer in dit dossier": the dossier with its own search on the same words. */
export function moreHref(group: LibraryGroup, query: string): string {
  return placeHref(group.dossierId, { screen: 'search', search: query.trim() });
}

const KIND: Record<SearchHit['kind'], MessageKey> = {
  source: 'library.kind.source',
  statement: 'library.kind.statement',
  report: 'library.kind.report',
};

export function kindLabel(hit: SearchHit): string {
  return t(KIND[hit.kind]);
}

/** A hit's title: a source's own, a statement's party and day, a report version's kind,
 * status and day ("Rapport (concept) · 15 juli 2019"). */
export function hitTitle(hit: SearchHit, locale: Locale): string {
  if (!hit.report) return hit.title;
  const kind = label('report.kind', hit.report.kind);
  const status = t(`report.status.${hit.report.status}` as MessageKey);
  return hit.report.day
    ? t('library.reportTitle', { kind, status, day: formatLongDay(hit.report.day, locale) })
    : t('library.reportUndated', { kind, status });
}

let lastQuery = '';

/** The search last typed on the Dossiers screen (while the app runs). */
export function rememberedQuery(): string {
  return lastQuery;
}

export function rememberQuery(query: string): void {
  lastQuery = query;
}
