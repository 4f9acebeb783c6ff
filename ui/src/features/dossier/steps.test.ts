import { describe, expect, it } from 'vitest';
import type { PartyView } from '../../lib/bindings/PartyView';
import { formOf, hasTerm, inputOf, usualParty, weeksAfter } from './steps';

const party = (id: number, role: PartyView['role']): PartyView => ({
  id,
  role,
  name: `p${id}`,
  pseudonym: `p${id}`,
  aliases: [],
  publicName: role === 'body',
  actsFor: null,
});

describe('the step form', () => {
  it('counts two weeks from a Dutch typed day across a month end', () => {
    // An information request of 24 September with a term of 14 days: 8 October.
    expect(weeksAfter('24-9-2019', 2)).toBe('8-10-2019');
    expect(weeksAfter('2019-12-25', 1)).toBe('1-1-2020');
    expect(weeksAfter('31-2-2019', 1)).toBeNull();
    expect(weeksAfter('morgen', 1)).toBeNull();
  });

  it('proposes the body for an answer and the citizen for a filing, only when one party has the role', () => {
    const parties = [party(1, 'requester'), party(2, 'body')];
    expect(usualParty('internal_complaint_filed', parties)).toBe(1);
    expect(usualParty('information_requested', parties)).toBe(2);
    expect(usualParty('hearing', parties)).toBeNull();
    expect(usualParty('promise', [...parties, party(3, 'body')])).toBeNull();
  });

  it('sends no term for a kind without one, so a changed kind keeps no stale date', () => {
    const form = { ...formOf(7, null, 'information_requested'), on: '1-8-2019', dueOn: '15-8-2019', weeks: 3 };
    expect(hasTerm('information_requested')).toBe(true);
    expect(inputOf(form).dueOn).toBe('15-8-2019');
    expect(inputOf(form).weeks).toBeNull();
    const filed = inputOf({ ...form, kind: 'internal_complaint_filed' });
    expect([filed.dueOn, filed.doneOn]).toEqual(['', '']);
  });

  it('starts an edit from the stored step with its dates as typed', () => {
    const form = formOf(7, {
      id: 3,
      kind: 'promise',
      on: '2019-08-20',
      partyId: 2,
      dueOn: '2019-08-23',
      doneOn: null,
      weeks: null,
      sourceId: null,
      text: 'Belt deze week.',
    });
    expect([form.id, form.on, form.dueOn, form.doneOn]).toEqual([3, '20-8-2019', '23-8-2019', '']);
  });
});
