// Filtering the dossier list as the user types: every word must occur somewhere in the
// reference, title, bodies or keywords, ignoring case and diacritics ("noelle" finds "Noëlle").
import type { DossierSummary } from '../../lib/bindings/DossierSummary';

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
