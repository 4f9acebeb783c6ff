// The side-by-side layout: filters, a month heading where the month changes, fixed-height
// rows for virtual scrolling, and how a fuzzy date is written.
import type { AxisStatement } from '../../lib/bindings/AxisStatement';

export interface Filters {
  topic: string;
  channel: string;
  party: string;
}

export function applyFilters(statements: AxisStatement[], f: Filters): AxisStatement[] {
  return statements.filter(
    (s) =>
      (f.topic === '' || (s.topic ?? '') === f.topic) &&
      (f.channel === '' || (s.channel ?? '') === f.channel) &&
      (f.party === '' || String(s.partyId) === f.party),
  );
}

export function topics(statements: AxisStatement[]): string[] {
  return [...new Set(statements.map((s) => s.topic).filter((t): t is string => !!t))].sort((a, b) => a.localeCompare(b, 'nl'));
}

const dutchDay = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}-${Number(m[2])}-${m[1]}${m[4] ? ` ${m[4]}` : ''}`;
};

/** `2018-10-02T10:14` -> `2-10-2018 10:14`; `2018-10` -> `10-2018`; a range -> `15-9-2018 – 20-12-2018`. */
export function dateLabel(date: string | null): string | null {
  if (!date) return null;
  const range = date.split('/');
  if (range.length === 2) return `${dutchDay(range[0])} – ${dutchDay(range[1])}`;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return `${Number(month[2])}-${month[1]}`;
  return dutchDay(date);
}

/** The month a statement is filed under on the axis (`2018-10`), or '' when undated. */
export function monthKey(s: AxisStatement): string {
  return s.spanStart ? s.spanStart.slice(0, 7) : '';
}

/** The slice of rows to draw for a scroll position: fixed row height, a few rows of margin. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last };
}
