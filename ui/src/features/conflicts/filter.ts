// Filtering the conflict list by status and complaint point.
import type { ConflictDetail } from '../../lib/bindings/ConflictDetail';

export type StatusFilter = 'all' | 'open' | 'decided';

export function filterConflicts(list: ConflictDetail[], status: StatusFilter, point: number | null): ConflictDetail[] {
  return list.filter(
    (c) =>
      (status === 'all' || (status === 'open') === (c.conflict.resolution === 'open')) &&
      (point === null || c.conflict.complaintPointId === point),
  );
}
