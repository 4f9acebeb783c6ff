// Dutch texts of the library search on the Dossiers screen: one box that searches every
// dossier's sources, statements and reports, the results grouped per dossier.
export const nlLibrary = {
  'library.label': "Zoek in alle dossiers",
  'library.placeholder': "Zoek in stukken, lezingen en rapporten van alle dossiers",
  'library.clear': "Wissen",
  'library.searching': "Zoeken…",
  'library.results': "Gevonden in alle dossiers",
  'library.none': "Niets gevonden in de dossiers",
  'library.noneFor': "Geen stuk, lezing of rapport bevat “{query}”. Het laatste woord mag het begin van een woord zijn; hoofdletters en accenten tellen niet.",
  'library.foundOne': "Gevonden in 1 dossier",
  'library.found': "Gevonden in {n} dossiers",
  'library.more': "meer in dit dossier",
  'library.kind.source': "Stuk",
  'library.kind.statement': "Lezing",
  'library.kind.report': "Rapport",
  'library.reportTitle': "{kind} ({status}) · {day}",
  'library.reportUndated': "{kind} ({status})",
  'library.noPassage': "Deze lezing citeert geen stuk: het dossier opent met deze zoekvraag.",
} as const;

export type LibraryKey = keyof typeof nlLibrary;
