import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../lib/bindings/SourceSummary';
import { sourceTree } from './tree';

function source(id: number, attachedTo: number | null = null): SourceSummary {
  return {
    id,
    kind: 'email',
    title: `stuk ${id}`,
    suppliedBy: null,
    suppliedByName: null,
    receivedOn: null,
    fileName: null,
    mediaType: null,
    sha256: null,
    size: null,
    hasText: true,
    excerpts: 0,
    attachedTo,
    textOrigin: 'extracted',
    textProblem: null,
    ocrConfidence: null,
  };
}

describe('sourceTree', () => {
  it('puts each attachment under its e-mail, one level deeper, in the order added', () => {
    // The mail (1) came with two attachments (2, 3); an attached mail (3) had one of its own (5).
    const tree = sourceTree([source(1), source(2, 1), source(3, 1), source(4), source(5, 3)]);
    expect(tree.map((l) => [l.source.id, l.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [5, 2],
      [4, 0],
    ]);
  });

  it('lists an attachment whose e-mail is missing, and a cycle, without losing a source', () => {
    const tree = sourceTree([source(2, 99), source(3, 4), source(4, 3)]);
    expect(tree.map((l) => l.source.id).sort()).toEqual([2, 3, 4]);
  });
});
