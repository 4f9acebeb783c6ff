// Which statements the reaction form offers to contest. A dossier can hold a register export of
// a hundred thousand records; the form shows the ones that match what is typed, a screenful at a
// time, with those already chosen always in view.
import type { AxisStatement } from '../../lib/bindings/AxisStatement';

/** How many statements the form lists at once. */
export const SHOWN = 60;

/** Lower case without diacritics, so "Zoe" finds "Zoë". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The statements a party can contest: those of the other parties (a party does not contest its
 * own), whose text or topic holds every word of `filter`; the chosen ones first and always.
 * Returns at most `SHOWN` of them and how many more match.
 */
export function offered(
  statements: AxisStatement[],
  partyId: number | '',
  chosen: number[],
  filter: string,
): { shown: AxisStatement[]; more: number } {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const picked = new Set(chosen);
  const matches = (s: AxisStatement) => {
    const text = fold(`${s.text} ${s.topic ?? ''}`);
    return words.every((w) => text.includes(w));
  };
  const first = statements.filter((s) => picked.has(s.id));
  const rest = statements.filter((s) => !picked.has(s.id) && s.partyId !== partyId && matches(s));
  const room = Math.max(0, SHOWN - first.length);
  return { shown: [...first, ...rest.slice(0, room)], more: Math.max(0, rest.length - room) };
}
