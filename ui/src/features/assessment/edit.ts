// Editing one complaint point's assessment in the form, before it is saved: adding and
// removing norms, which checks belong to the point, and whether the form differs from what
// is stored. The consistency rules themselves live in Rust (core::checks); the screen shows
// their findings after each save.
import type { Check } from '../../lib/bindings/Check';
import type { JudgementEdit } from '../../lib/bindings/JudgementEdit';
import type { Norm } from '../../lib/bindings/Norm';
import type { Verdict } from '../../lib/bindings/Verdict';

export interface PointForm {
  verdict: Verdict;
  judgements: JudgementEdit[];
}

/** The judgements with one more: the first current norm not yet tested, outcome still open. */
export function addJudgement(judgements: JudgementEdit[], norms: Norm[]): JudgementEdit[] {
  const used = new Set(judgements.map((j) => j.norm));
  const next = norms.find((n) => n.catalogue === 'behoorlijkheidswijzer' && !used.has(n.code)) ?? norms.find((n) => !used.has(n.code));
  if (!next) return judgements;
  return [...judgements, { norm: next.code, outcome: 'geen_oordeel', considerations: '' }];
}

/** The judgements without the one at `index`. */
export function removeJudgement(judgements: JudgementEdit[], index: number): JudgementEdit[] {
  return judgements.filter((_, i) => i !== index);
}

/** The rule findings that name this complaint point. */
export function pointChecks(checks: Check[], number: number): Check[] {
  return checks.filter((c) => c.refs.some((r) => r.kind === 'point' && r.number === number));
}

/** The catalogue split for the norm picker: current norms first, the older list apart. */
export function normGroups(norms: Norm[]): { current: Norm[]; classic: Norm[] } {
  return {
    current: norms.filter((n) => n.catalogue === 'behoorlijkheidswijzer'),
    classic: norms.filter((n) => n.catalogue !== 'behoorlijkheidswijzer'),
  };
}

/** Whether the form holds changes that are not stored. */
export function isDirty(form: PointForm, stored: PointForm): boolean {
  if (form.verdict !== stored.verdict || form.judgements.length !== stored.judgements.length) return true;
  return form.judgements.some((j, i) => {
    const s = stored.judgements[i];
    return j.norm !== s.norm || j.outcome !== s.outcome || j.considerations !== s.considerations;
  });
}
