import { describe, expect, it } from 'vitest';
import type { Check } from '../../lib/bindings/Check';
import type { Norm } from '../../lib/bindings/Norm';
import { addJudgement, isDirty, normGroups, pointChecks, removeJudgement } from './edit';

const norm = (code: string, catalogue: Norm['catalogue'] = 'behoorlijkheidswijzer'): Norm => ({
  code,
  name: code,
  group: 'g',
  description: 'd',
  catalogue,
  successors: [],
});
const norms = [norm('klassiek/motivering', 'klassiek'), norm('transparantie'), norm('goede-organisatie')];

describe('assessment form', () => {
  it('adds the first current norm not yet tested, with an open outcome', () => {
    const once = addJudgement([], norms);
    expect(once).toEqual([{ norm: 'transparantie', outcome: 'geen_oordeel', considerations: '' }]);
    expect(addJudgement(once, norms).map((j) => j.norm)).toEqual(['transparantie', 'goede-organisatie']);
  });

  it('falls back to the older list once every current norm is used, and stops when all are', () => {
    const current = addJudgement(addJudgement([], norms), norms);
    const all = addJudgement(current, norms);
    expect(all.map((j) => j.norm)).toContain('klassiek/motivering');
    expect(addJudgement(all, norms)).toBe(all);
  });

  it('removes exactly the judgement asked for', () => {
    const two = addJudgement(addJudgement([], norms), norms);
    expect(removeJudgement(two, 0).map((j) => j.norm)).toEqual(['goede-organisatie']);
  });

  it('finds the checks that name a point, not those of point 12 or of a conflict titled 1', () => {
    const checks: Check[] = [
      { severity: 'error', rule: 'verdict.open', message: 'a', refs: [{ kind: 'point', number: 1 }], verdict: null },
      { severity: 'warning', rule: 'verdict.open', message: 'b', refs: [{ kind: 'point', number: 12 }], verdict: null },
      { severity: 'error', rule: 'conflict.not_establishable_unheard', message: 'c', refs: [{ kind: 'conflict', title: '1' }], verdict: null },
      {
        severity: 'warning',
        rule: 'conflict.open_blocks_final',
        message: 'd',
        refs: [{ kind: 'point', number: 1 }, { kind: 'conflict', title: 'X' }],
        verdict: null,
      },
    ];
    expect(pointChecks(checks, 1).map((c) => c.message)).toEqual(['a', 'd']);
  });

  it('groups the catalogue with current norms apart from the older list', () => {
    const groups = normGroups(norms);
    expect(groups.current.map((n) => n.code)).toEqual(['transparantie', 'goede-organisatie']);
    expect(groups.classic.map((n) => n.code)).toEqual(['klassiek/motivering']);
  });

  it('notices a changed consideration as unsaved', () => {
    const stored = { verdict: 'open' as const, judgements: addJudgement([], norms) };
    const edited = { ...stored, judgements: [{ ...stored.judgements[0], considerations: 'x' }] };
    expect(isDirty(stored, stored)).toBe(false);
    expect(isDirty(edited, stored)).toBe(true);
  });
});
