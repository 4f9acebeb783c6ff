// The sentence of a rule check (core::checks), written by the UI in the chosen language from
// the check's rule, its typed refs and the verdict it names. The Dutch `message` Rust sends
// along is for the command line and the audit log; it is shown only should a check arrive
// that this catalogue cannot word.
import type { Check } from './bindings/Check';
import type { CheckRule } from './bindings/CheckRule';
import { format, label, t, type MessageKey } from './i18n/index.svelte';

/** The message key of each rule; a new rule in Rust does not compile here until it has one. */
export const CHECK_TEXT: Record<CheckRule, MessageKey> = {
  'verdict.gegrond_without_breach': 'check.verdict_gegrond_without_breach',
  'verdict.niet_gegrond_needs_all_proper': 'check.verdict_niet_gegrond_needs_all_proper',
  'verdict.open': 'check.verdict_open',
  'conflict.not_establishable_unheard': 'check.conflict_not_establishable_unheard',
  'conflict.open_blocks_final': 'check.conflict_open_blocks_final',
  'verdict.geen_oordeel_with_decided_conflicts': 'check.verdict_geen_oordeel_with_decided_conflicts',
};

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
