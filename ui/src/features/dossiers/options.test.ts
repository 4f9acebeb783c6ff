import { describe, expect, it } from 'vitest';
import type { DossierFacets } from '../../lib/bindings/DossierFacets';
import type { DossierRow } from '../../lib/bindings/DossierRow';
import type { DossierSummary } from '../../lib/bindings/DossierSummary';
import type { Norm } from '../../lib/bindings/Norm';
import { chipsOf, noMatchText } from './chips';
import { EMPTY_LIST_STATE, type ListState } from './listState';
import { listOptions } from './options';

function row(id: number, dossier: Partial<DossierSummary>, facets: Partial<DossierFacets>): DossierRow {
  return {
    dossier: { id, reference: `2025-${id}`, title: 'Klacht', bodies: [], status: 'investigation', receivedOn: '2025-01-01', keywords: [], ...dossier },
    nextTerm: null,
    overdue: 0,
    dueThisWeek: 0,
    facets: { year: 2025, bodies: [], partners: [], norms: [], verdicts: [], ...facets },
  };
}

const norm = (code: string, name: string, older = false): [string, Norm] => [
  code,
  { code, name, group: '', description: '', catalogue: older ? 'klassiek' : 'behoorlijkheidswijzer', successors: [] },
];
const catalogue = new Map([norm('voortvarendheid', 'Voortvarendheid'), norm('klassiek/voortvarendheid', 'Voortvarendheid', true), norm('goede-organisatie', 'Goede organisatie')]);

const rows = [
  row(1, { keywords: ['postadres', 'Woningbrand'] }, { bodies: ['Gemeente Voorbeeldstad'], partners: [{ name: 'WIJ-team Oost', body: 'Gemeente Voorbeeldstad' }], norms: ['goede-organisatie'], verdicts: ['gegrond'] }),
  row(2, { status: 'closed', keywords: ['Postadres'] }, { bodies: ['Gemeente Voorbeeldstad'], norms: ['klassiek/voortvarendheid', 'voortvarendheid'], verdicts: ['gegrond', 'niet_gegrond'] }),
  row(3, {}, { year: 2026, bodies: ['Waterschap Brabantse Delta'], partners: [{ name: 'Belastingsamenwerking West-Brabant', body: 'Waterschap Brabantse Delta' }], norms: ['voortvarendheid'] }),
];
const state = (over: Partial<ListState> = {}): ListState => ({ ...EMPTY_LIST_STATE, ...over });

describe('filter choices', () => {
  it('offers only the values that occur, each with the dossiers it would show', () => {
    const o = listOptions(rows, '', state(), catalogue);
    expect(o.statuses).toEqual([
      { value: 'investigation', count: 2 },
      { value: 'closed', count: 1 },
    ]);
    expect(o.years).toEqual([
      { value: 2026, count: 1 },
      { value: 2025, count: 2 },
    ]);
    expect(o.verdicts).toEqual([
      { value: 'gegrond', count: 2 },
      { value: 'niet_gegrond', count: 1 },
    ]);
    // One trefwoord in two spellings is one choice, named as first met.
    expect(o.keywords).toEqual([
      { value: 'postadres', count: 2 },
      { value: 'Woningbrand', count: 1 },
    ]);
  });

  it('lists bodies by their dossiers with each partner beneath the body it acts for', () => {
    const o = listOptions(rows, '', state(), catalogue);
    expect(o.bodies.map((b) => [b.value, b.count, b.partners.map((p) => p.value)])).toEqual([
      ['Gemeente Voorbeeldstad', 2, ['WIJ-team Oost']],
      ['Waterschap Brabantse Delta', 1, ['Belastingsamenwerking West-Brabant']],
    ]);
  });

  it('groups norms into current and older ones, so an older norm is not taken for its namesake', () => {
    const o = listOptions(rows, '', state(), catalogue);
    expect(o.norms.current).toEqual([
      { value: 'voortvarendheid', name: 'Voortvarendheid', count: 2 },
      { value: 'goede-organisatie', name: 'Goede organisatie', count: 1 },
    ]);
    expect(o.norms.older).toEqual([{ value: 'klassiek/voortvarendheid', name: 'Voortvarendheid', count: 1 }]);
  });

  it('counts each choice together with the other filters set, and not against its own filter', () => {
    const o = listOptions(rows, '', state({ year: 2025, status: 'closed' }), catalogue);
    expect(o.verdicts).toEqual([
      { value: 'gegrond', count: 1 },
      { value: 'niet_gegrond', count: 1 },
    ]);
    // The year's own choices ignore the year chosen, so another year can still be picked.
    expect(o.years).toEqual([{ value: 2025, count: 1 }]);
    expect(o.statuses).toEqual([
      { value: 'investigation', count: 1 },
      { value: 'closed', count: 1 },
    ]);
  });

  it('keeps a chosen value listed at zero, so the control still shows what is chosen', () => {
    const o = listOptions(rows, '', state({ keyword: 'parkeren', partner: 'Verdwenen BV' }), catalogue);
    expect(o.keywords).toContainEqual({ value: 'parkeren', count: 0 });
    expect(o.loosePartners).toEqual([{ value: 'Verdwenen BV', count: 0 }]);
  });
});

describe('chips and the empty result', () => {
  it('names each filter the way the investigator chose it, an older norm marked as such', () => {
    const s = state({ dossiers: [1, 2, 3], origin: 'Gegrond, 2025', body: 'Gemeente Voorbeeldstad', norm: 'klassiek/voortvarendheid', verdict: 'gegrond', term: 'overdue' });
    expect(chipsOf(s, catalogue).map((c) => c.text)).toEqual([
      'Uit Signalen: Gegrond, 2025 (3 dossiers)',
      'Instantie: Gemeente Voorbeeldstad',
      'Norm niet behoorlijk: Voortvarendheid (oudere norm)',
      'Oordeel: Gegrond',
      'Termijn: Termijn verlopen',
    ]);
    expect(chipsOf(state({ dossiers: [4], origin: 'K1 2025' }), catalogue)[0].text).toBe('Uit Signalen: K1 2025 (1 dossier)');
    expect(chipsOf(state({ norm: 'onbekend' }), catalogue)[0].text).toBe('Norm niet behoorlijk: onbekend');
  });

  it('says which filters left nothing, the search words included', () => {
    const chips = chipsOf(state({ body: 'Gemeente Voorbeeldstad', year: 2024 }), catalogue);
    expect(noMatchText(chips, ' parkeer ')).toBe('Geen dossiers voldoen aan “Instantie: Gemeente Voorbeeldstad”, “Jaar: 2024” en “Zoekwoorden: parkeer”.');
  });
});
