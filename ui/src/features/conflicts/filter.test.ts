import { describe, expect, it } from 'vitest';
import type { ConflictDetail } from '../../lib/bindings/ConflictDetail';
import { filterConflicts } from './filter';

const c = (id: number, resolution: ConflictDetail['conflict']['resolution'], point: number | null): ConflictDetail => ({
  conflict: { id, title: `c${id}`, kind: 'count', resolution, bothSidesHeard: false, complaintPointId: point, complaintPointNumber: point },
  reasoning: '',
  citizen: [],
  body: [],
  findings: '',
  hearing: [],
});

describe('conflict filters', () => {
  const list = [c(1, 'open', 10), c(2, 'not_establishable', 10), c(3, 'body_version_established', 11), c(4, 'open', null)];

  it('splits open from decided', () => {
    expect(filterConflicts(list, 'open', null).map((x) => x.conflict.id)).toEqual([1, 4]);
    expect(filterConflicts(list, 'decided', null).map((x) => x.conflict.id)).toEqual([2, 3]);
  });

  it('narrows to one complaint point', () => {
    expect(filterConflicts(list, 'all', 10).map((x) => x.conflict.id)).toEqual([1, 2]);
    expect(filterConflicts(list, 'open', 11)).toEqual([]);
  });
});
