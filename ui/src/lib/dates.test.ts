import { describe, expect, it } from 'vitest';
import { dateInputOf, formatDay } from './dates';

describe('dateInputOf', () => {
  // An edit form must start from what was saved: each stored shape lands in its own field,
  // written as people type it (day first), which the Rust parser reads back to the same date.
  it('puts a day with a time in the day field, day first', () => {
    expect(dateInputOf('2018-10-02T10:14')).toMatchObject({ kind: 'day', day: '2-10-2018 10:14' });
  });
  it('puts a month in the month field', () => {
    expect(dateInputOf('2018-10')).toMatchObject({ kind: 'month', month: '10-2018' });
  });
  it('splits a range over from and to', () => {
    expect(dateInputOf('2018-09-15/2018-12-20')).toMatchObject({ kind: 'range', from: '15-9-2018', to: '20-12-2018' });
  });
  it('leaves an undated statement undated', () => {
    expect(dateInputOf(null).kind).toBe('none');
  });
});

describe('formatDay', () => {
  it('writes an ISO day the Dutch way', () => {
    expect(formatDay('2019-03-04')).toBe('4-3-2019');
  });
});
