// English texts of the library search; exactly the keys of nl-library (the type enforces it).
import type { LibraryKey } from './nl-library';

export const enLibrary: Record<LibraryKey, string> = {
  'library.label': "Search all case files",
  'library.placeholder': "Search the documents, statements and reports of all case files",
  'library.clear': "Clear",
  'library.searching': "Searching…",
  'library.results': "Found in all case files",
  'library.none': "Nothing found in the case files",
  'library.noneFor': "No document, statement or report contains “{query}”. The last word may be the beginning of a word; capitals and accents do not matter.",
  'library.foundOne': "Found in 1 case file",
  'library.found': "Found in {n} case files",
  'library.more': "more in this case file",
  'library.kind.source': "Document",
  'library.kind.statement': "Statement",
  'library.kind.report': "Report",
  'library.reportTitle': "{kind} ({status}) · {day}",
  'library.reportUndated': "{kind} ({status})",
  'library.noPassage': "This statement quotes no document: the case file opens with this search.",
} as const;
