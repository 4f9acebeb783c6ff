// A procedure term (core::procedure::Term) in words, in the chosen language: its name, its
// last day as a long date, and where it stands ("nog 3 dagen", "verlopen: 414 dagen over de
// termijn (59 weken)"). Shared by the Verloop and the dossier list.
import type { Term } from './bindings/Term';
import type { TermKind } from './bindings/TermKind';
import { formatLongDay } from './dates';
import { i18n, t, type MessageKey } from './i18n/index.svelte';

/** The message key of each term's name; a new kind in Rust does not compile here without one. */
export const TERM_NAME: Record<TermKind, MessageKey> = {
  internal_handling: 'term.internal_handling',
  request_year: 'term.request_year',
  information: 'term.information',
  findings_reaction: 'term.findings_reaction',
  recommendations_answer: 'term.recommendations_answer',
  promise: 'term.promise',
  other: 'term.other',
};

function days(n: number): string {
  return n === 1 ? t('term.days1') : t('term.days', { n });
}

function weeks(n: number): string {
  if (n === 0) return '';
  return n === 1 ? t('term.weeks1') : t('term.weeks', { n });
}

/** The term's name, e.g. "Afhandeling van de klacht door de instantie". */
export function termName(term: Term): string {
  return t(TERM_NAME[term.kind]);
}

/** Its last day: "uiterlijk 13 augustus 2018". */
export function termDue(term: Term): string {
  return t('term.due', { date: formatLongDay(term.dueOn, i18n.locale) });
}

/** Where it stands on the day judged. */
export function termState(term: Term): string {
  const s = term.state;
  switch (s.state) {
    case 'met':
      return t('term.met', { date: formatLongDay(s.on, i18n.locale) });
    case 'running':
      if (s.days_left === 0) return t('term.runningToday');
      if (s.days_left === 1) return t('term.runningOne');
      return t('term.running', { days: s.days_left });
    case 'overrun':
      return s.done_on
        ? t('term.late', { date: formatLongDay(s.done_on, i18n.locale), days: days(s.days), weeks: weeks(s.weeks) })
        : t('term.overdue', { days: days(s.days), weeks: weeks(s.weeks) });
  }
}

/** `overdue`, `soon` (ends within the week), `running`, `met` or `late`: for a colour. */
export function termTone(term: Term, weekDays = 6): 'overdue' | 'soon' | 'running' | 'met' | 'late' {
  const s = term.state;
  if (s.state === 'met') return 'met';
  if (s.state === 'overrun') return s.done_on ? 'late' : 'overdue';
  return s.days_left <= weekDays ? 'soon' : 'running';
}
