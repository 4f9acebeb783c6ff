import { describe, expect, it } from 'vitest';
import type { DossierSummary } from '../../lib/bindings/DossierSummary';
import { filterDossiers, fold, matches } from './filter';

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
