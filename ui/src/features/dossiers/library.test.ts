import { describe, expect, it } from 'vitest';
import type { LibraryGroup } from '../../lib/bindings/LibraryGroup';
import type { SearchHit } from '../../lib/bindings/SearchHit';
import { setLocale } from '../../lib/i18n/index.svelte';
import { parseRoute } from '../../lib/route';
import { hitHref, hitTitle, kindLabel, moreHref } from './library';

const hit = (over: Partial<SearchHit>): SearchHit => ({ kind: 'source', id: 5, sourceId: 5, title: 'Telefoonnotitie', snippet: 'de [stookkosten]', report: null, ...over });
const group: LibraryGroup = { dossierId: 12, reference: '2019-0118', title: 'Stookkosten', hits: [], more: true };

describe('library hits', () => {
  it('open a source in its reader with the searched words, so the match is marked there', () => {
    const href = hitHref(group, hit({}), ' stookkosten ');
    expect(href).toBe('#/dossier/12/stuk/5?zoek=stookkosten');
    expect(parseRoute(href)).toEqual({ name: 'dossier', id: 12, place: { screen: 'source', sourceId: 5, statementId: null, search: 'stookkosten' } });
  });

  it('open a statement at the passage it quotes, as the dossier search does', () => {
    expect(parseRoute(hitHref(group, hit({ kind: 'statement', id: 77, sourceId: 5 }), 'stook'))).toEqual({
      name: 'dossier',
      id: 12,
      place: { screen: 'source', sourceId: 5, statementId: 77, search: 'stook' },
    });
  });

  it('open a statement without a quoted source in the dossier search, since it has no passage', () => {
    expect(hitHref(group, hit({ kind: 'statement', id: 77, sourceId: null }), 'stook')).toBe('#/dossier/12?zoek=stook');
  });

  it('open a report on the Rapport screen at that version', () => {
    const report = hit({ kind: 'report', id: 3, sourceId: null, title: '', report: { kind: 'rapport', status: 'draft', day: '2019-07-15' } });
    expect(hitHref(group, report, 'stook')).toBe('#/dossier/12/rapport/3');
  });

  it('link "meer in dit dossier" to the dossier search on the same words', () => {
    expect(moreHref(group, 'stook kosten')).toBe('#/dossier/12?zoek=stook+kosten');
  });

  it('name a report by its kind, status and day, Dutch first', () => {
    const report = hit({ kind: 'report', id: 3, sourceId: null, title: '', report: { kind: 'rapport', status: 'draft', day: '2019-07-15' } });
    setLocale('nl');
    expect(hitTitle(report, 'nl')).toBe('Rapport (concept) · 15 juli 2019');
    expect(kindLabel(report)).toBe('Rapport');
    expect(kindLabel(hit({ kind: 'statement' }))).toBe('Lezing');
    expect(hitTitle({ ...report, report: { kind: 'verslag_van_bevindingen', status: 'final', day: null } }, 'nl')).toBe('Verslag van bevindingen (definitief)');
    expect(hitTitle(hit({}), 'nl'), 'a source keeps its own title').toBe('Telefoonnotitie');
    setLocale('en');
    expect(kindLabel(hit({}))).toBe('Document');
    setLocale('nl');
  });
});
