// Showing ISO days the Dutch way.
import type { Locale } from './i18n/index.svelte';
import type { FuzzyDateInput } from './bindings/FuzzyDateInput';

/** `2019-03-04` -> `4-3-2019` (nl) or `4 Mar 2019` (en); anything else is returned as is. */
export function formatDay(iso: string, locale: Locale = 'nl'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (locale === 'nl') return `${Number(d)}-${Number(mo)}-${y}`;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const DUTCH_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2018-08-13` -> `13 augustus 2018` (nl) or `13 August 2018` (en): dates in sentences and terms. */
export function formatLongDay(iso: string, locale: Locale = 'nl'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (locale === 'nl') return `${Number(d)} ${DUTCH_MONTHS[Number(mo) - 1]} ${y}`;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** ISO day `2019-03-04` (optionally with a time `T10:14`) as it is typed: `4-3-2019 10:14`. */
function typedMoment(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, time] = m;
  return `${Number(d)}-${Number(mo)}-${y}${time ? ` ${time}` : ''}`;
}

/**
 * A stored fuzzy date (`2018-10-02T10:14`, `2018-10`, `2018-09-15/2018-12-20`) as the date
 * fields of a form hold it, so an edit form starts from what was saved and saves it unchanged.
 */
export function dateInputOf(date: string | null): FuzzyDateInput {
  const empty: FuzzyDateInput = { kind: 'none', day: '', month: '', from: '', to: '' };
  if (!date) return empty;
  const range = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(date);
  if (range) return { ...empty, kind: 'range', from: typedMoment(range[1]), to: typedMoment(range[2]) };
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return { ...empty, kind: 'month', month: `${Number(month[2])}-${month[1]}` };
  return { ...empty, kind: 'day', day: typedMoment(date) };
}

/** A moment as a Dutch reader writes it: 2-12-2026 14:05 (local time). */
export function formatMoment(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
