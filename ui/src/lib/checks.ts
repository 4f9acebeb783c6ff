// The sentence of a rule check (core::checks), written by the UI in the chosen language from
// the check's rule, its typed refs and the verdict it names. The Dutch `message` Rust sends
// along is for the command line and the audit log; it is shown only should a check arrive
// that this catalogue cannot word.
import type { Check } from './bindings/Check';
import type { CheckRule } from './bindings/CheckRule';
import type { Term } from './bindings/Term';
import { format, i18n, label, t, type MessageKey } from './i18n/index.svelte';
import { termDue, termName, termState } from './terms';

/**
 * The message key of each rule; a new rule in Rust does not compile here until it has one.
 * `null`: a procedure finding, whose Dutch sentence from Rust names its days and article
 * exactly; in English it is worded from the term it carries (see `checkText`).
 */
export const CHECK_TEXT: Record<CheckRule, MessageKey | null> = {
  'verdict.gegrond_without_breach': 'check.verdict_gegrond_without_breach',
  'verdict.niet_gegrond_needs_all_proper': 'check.verdict_niet_gegrond_needs_all_proper',
  'verdict.open': 'check.verdict_open',
  'conflict.not_establishable_unheard': 'check.conflict_not_establishable_unheard',
  'conflict.open_blocks_final': 'check.conflict_open_blocks_final',
  'verdict.geen_oordeel_with_decided_conflicts': 'check.verdict_geen_oordeel_with_decided_conflicts',
  'procedure.not_recorded': 'check.procedure_not_recorded',
  'procedure.internal_term_overrun': null,
  'procedure.postponement_too_long': null,
  'procedure.further_postponement': null,
  'procedure.request_after_a_year': null,
  'procedure.no_internal_complaint': null,
  'procedure.conduct_over_a_year_old': null,
  'procedure.term_overrun': null,
  'procedure.promise_broken': null,
};

/** The term a check is about, if it names one. */
export function checkTerm(check: Check): Term | undefined {
  for (const r of check.refs) if (r.kind === 'term') return r.term;
  return undefined;
}

/** The number of the first complaint point a check names. */
export function checkPoint(check: Check): number | undefined {
  for (const r of check.refs) if (r.kind === 'point') return r.number;
  return undefined;
}

/** The title of the first conflict a check names. */
export function checkConflict(check: Check): string | undefined {
  for (const r of check.refs) if (r.kind === 'conflict') return r.title;
  return undefined;
}

/** The check's sentence in the current locale. */
export function checkText(check: Check): string {
  const key = CHECK_TEXT[check.rule];
  if (key === null) {
    const term = checkTerm(check);
    if (i18n.locale === 'nl' || !term) return check.message;
    return `${term.article} — ${termName(term)}: ${termState(term)} (${termDue(term)}).`;
  }
  if (!key) return check.message;
  const vars: Record<string, string | number> = {};
  const point = checkPoint(check);
  const conflict = checkConflict(check);
  if (point !== undefined) vars.point = point;
  if (conflict !== undefined) vars.conflict = conflict;
  // Mid-sentence, so in lower case: "is deels gegrond", "is partly well-founded".
  if (check.verdict) vars.verdict = label('verdict', check.verdict).toLocaleLowerCase();
  const template = t(key);
  // A placeholder without a value means the check lacks what its sentence names.
  const missing = [...template.matchAll(/\{(\w+)\}/g)].some((m) => !(m[1] in vars));
  return missing ? check.message : format(template, vars);
}
