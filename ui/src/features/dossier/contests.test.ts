import { describe, expect, it } from 'vitest';
import type { AxisStatement } from '../../lib/bindings/AxisStatement';
import { offered, SHOWN } from './contests';

const statement = (id: number, partyId: number, text: string): AxisStatement => ({
  id,
  partyId,
  side: partyId === 1 ? 'citizen' : 'body',
  kind: partyId === 1 ? 'claim' : 'record',
  date: null,
  spanStart: null,
  spanEnd: null,
  topic: null,
  channel: null,
  text,
  quantityAtLeast: null,
  sourceId: null,
});

describe('offered', () => {
  // A register import can put 100,000 records in a dossier: the form must stay a screenful.
  it('lists a screenful of a large dossier and says how many more there are', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => statement(i + 1, 2, `Contact ${i + 1}`));
    const { shown, more } = offered(many, 1, [], '');
    expect(shown).toHaveLength(SHOWN);
    expect(more).toBe(100_000 - SHOWN);
  });

  it('finds by every typed word, without regard to case or diacritics', () => {
    const list = [statement(1, 2, 'Twee contacten geregistreerd'), statement(2, 2, 'Zoë belde de baliemedewerker')];
    expect(offered(list, 1, [], 'zoe BALIE').shown.map((s) => s.id)).toEqual([2]);
  });

  it("leaves out the party's own statements but keeps what was chosen in view", () => {
    const list = [statement(1, 1, 'Eigen lezing'), statement(2, 2, 'Andere lezing'), statement(3, 2, 'Gekozen lezing')];
    const { shown } = offered(list, 1, [3], 'andere');
    expect(shown.map((s) => s.id)).toEqual([3, 2]);
  });
});
