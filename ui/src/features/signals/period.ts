// The period the Signalen screen counts: which years can be chosen (those with dossiers), the
// typed dates a year stands for, how a period is named in a label ("2025", "alle jaren",
// "1-3-2025 t/m 30-6-2025") and the file names the exports propose. The dates are read in
// Rust (SignalPeriod::from_typed); this only writes them the way the fields take them.
import type { SignalPeriod } from '../../lib/bindings/SignalPeriod';
import type { Signals } from '../../lib/bindings/Signals';
import { formatDay } from '../../lib/dates';
import { t, type Locale } from '../../lib/i18n/index.svelte';

/** The two date fields as typed, Dutch style (`1-1-2025`), empty for an open side. */
export interface TypedPeriod {
  from: string;
  to: string;
}

export const WHOLE_LIBRARY: TypedPeriod = { from: '', to: '' };

/** The years in which dossiers were received, most recent first (from the signals of everything). */
export function yearsWithDossiers(all: Signals): number[] {
  const years = new Set(all.quarters.filter((q) => q.dossiers.length > 0).map((q) => q.year));
  return [...years].sort((a, b) => b - a);
}

/** A whole calendar year, as the fields take it. */
export function typedYear(year: number): TypedPeriod {
  return { from: `1-1-${year}`, to: `31-12-${year}` };
}

/** The year a period covers exactly, if it is one calendar year. */
export function yearOf(period: SignalPeriod): number | null {
  const from = /^(\d{4})-01-01$/.exec(period.from ?? '');
  const to = /^(\d{4})-12-31$/.exec(period.to ?? '');
  return from && to && from[1] === to[1] ? Number(from[1]) : null;
}

/** Whether a period has no bounds: every dossier counts. */
export function isWhole(period: SignalPeriod): boolean {
  return !period.from && !period.to;
}

/** The period in a label or sentence: "2025", "alle jaren", "1-3-2025 t/m 30-6-2025", "vanaf 1-3-2025". */
export function periodLabel(period: SignalPeriod, locale: Locale = 'nl'): string {
  const year = yearOf(period);
  if (year !== null) return String(year);
  if (period.from && period.to) return t('signals.period.range', { from: formatDay(period.from, locale), to: formatDay(period.to, locale) });
  if (period.from) return t('signals.period.since', { from: formatDay(period.from, locale) });
  if (period.to) return t('signals.period.until', { to: formatDay(period.to, locale) });
  return t('signals.period.allLabel');
}

/** What the period is called in a file name: `2025`, `alle-jaren`, `2025-03-01_2025-06-30`. */
function periodSlug(period: SignalPeriod): string {
  const year = yearOf(period);
  if (year !== null) return String(year);
  if (isWhole(period)) return t('signals.file.all');
  return [period.from ?? '', period.to ?? ''].join('_');
}

/** The file name an export proposes in the save dialog. */
export function exportFileName(kind: 'pdf' | 'csv', period: SignalPeriod): string {
  return `${t(kind === 'pdf' ? 'signals.file.pdf' : 'signals.file.csv')}-${periodSlug(period)}.${kind}`;
}
