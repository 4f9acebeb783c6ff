import { describe, expect, it } from 'vitest';
import type { AxisStatement } from '../../lib/bindings/AxisStatement';
import { applyFilters, dateLabel, monthKey, topics, visibleRange } from './axis';

const s = (over: Partial<AxisStatement>): AxisStatement => ({
  id: 1,
  partyId: 1,
  side: 'citizen',
  kind: 'claim',
  date: null,
  spanStart: null,
  spanEnd: null,
  topic: null,
  channel: null,
  text: '',
  quantityAtLeast: null,
  sourceId: null,
  ...over,
});

describe('side-by-side axis', () => {
  it('writes fuzzy dates the Dutch way', () => {
    expect(dateLabel('2018-10-02T10:14')).toBe('2-10-2018 10:14');
    expect(dateLabel('2018-10')).toBe('10-2018');
    expect(dateLabel('2018-09-15/2018-12-20')).toBe('15-9-2018 – 20-12-2018');
    expect(dateLabel(null)).toBeNull();
  });

  it('filters by topic, channel and party together', () => {
    const list = [
      s({ id: 1, topic: 'postadres', channel: 'phone', partyId: 1 }),
      s({ id: 2, topic: 'postadres', channel: 'email', partyId: 2 }),
      s({ id: 3, topic: 'uitkering', channel: 'phone', partyId: 2 }),
    ];
    expect(applyFilters(list, { topic: 'postadres', channel: '', party: '' }).map((x) => x.id)).toEqual([1, 2]);
    expect(applyFilters(list, { topic: '', channel: 'phone', party: '2' }).map((x) => x.id)).toEqual([3]);
    expect(topics(list)).toEqual(['postadres', 'uitkering']);
  });

  it('files statements under the month they start in', () => {
    expect(monthKey(s({ spanStart: '2018-09-15' }))).toBe('2018-09');
    expect(monthKey(s({})), 'undated statements have no month').toBe('');
  });

  it('draws only the rows in view, with a margin, for 10,000 statements', () => {
    expect(visibleRange(0, 600, 60, 10_000)).toEqual({ first: 0, last: 18 });
    expect(visibleRange(60_000, 600, 60, 10_000)).toEqual({ first: 992, last: 1018 });
    expect(visibleRange(599_400, 600, 60, 10_000).last).toBe(10_000);
  });
});
