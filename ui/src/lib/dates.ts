// Showing ISO days the Dutch way.
import type { Locale } from './i18n/index.svelte';

/** `2019-03-04` -> `4-3-2019` (nl) or `4 Mar 2019` (en); anything else is returned as is. */
export function formatDay(iso: string, locale: Locale = 'nl'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (locale === 'nl') return `${Number(d)}-${Number(mo)}-${y}`;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
