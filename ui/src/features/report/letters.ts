// The procedure letters on the Rapport screen: which kinds are letters, the term a new letter
// proposes, and how that term is written in the form. Whether a term is acceptable is Rust's
// to say (core::steps::letter_terms); this only fills the form with the usual periods.
import type { ReportKind } from '../../lib/bindings/ReportKind';
import { formatDay } from '../../lib/dates';
import type { LettersKey } from '../../lib/i18n/nl-letters';

/** The reports, in the order of their tabs. */
export const REPORT_KINDS: ReportKind[] = ['verslag_van_bevindingen', 'rapport', 'rapportbrief'];

/** A report kind that is a procedure letter; a `letter_*` kind added in Rust joins it. */
export type LetterKind = Extract<ReportKind, `letter_${string}`>;

/**
 * The days from today a new letter proposes as its term, or `null` for none: two weeks to
 * answer a request for information (Awb 9:31), four to react to the verslag van bevindingen,
 * six to say how the recommendations of the rapport are followed (Awb 9:36 lid 4). An
 * acknowledgement asks nothing of anyone. A `Record`, so a new letter kind does not compile
 * until it has a term here.
 */
const TERM_DAYS: Record<LetterKind, number | null> = {
  letter_acknowledgement: null,
  letter_information_request: 14,
  letter_findings: 28,
  letter_report: 42,
};

/** The letters, in the order of their tabs. */
export const LETTER_KINDS = Object.keys(TERM_DAYS) as LetterKind[];

/** The label of the "what is asked" field: a request for information lists what it asks. */
const ASKS_LABEL: Record<LetterKind, LettersKey> = {
  letter_acknowledgement: 'letters.asks.explain',
  letter_information_request: 'letters.asks.information',
  letter_findings: 'letters.asks.ask',
  letter_report: 'letters.asks.ask',
};

/** The quick buttons beside the term: weeks from today. */
export const QUICK_WEEKS = [2, 4, 6] as const;

export function isLetter(kind: ReportKind): kind is LetterKind {
  return Object.hasOwn(TERM_DAYS, kind);
}

export function defaultTermDays(kind: LetterKind): number | null {
  return TERM_DAYS[kind];
}

export function asksLabelKey(kind: LetterKind): LettersKey {
  return ASKS_LABEL[kind];
}

/** Whether the letter cannot go without a term (Awb 9:31 lid 1: "binnen een gestelde termijn"). */
export function termRequired(kind: LetterKind): boolean {
  return kind === 'letter_information_request';
}

/** The calendar day of a moment on this computer, `YYYY-MM-DD` (not the UTC day). */
export function isoDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `YYYY-MM-DD` plus `days` calendar days; counted on the date alone, so no clock change shifts it. */
export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO day: ${iso}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return date.toISOString().slice(0, 10);
}

/** The day `days` after `today`, as the form's date field holds it: `d-m-yyyy`. */
export function typedDayAfter(today: string, days: number): string {
  return formatDay(addDays(today, days), 'nl');
}

/** The term a new letter of `kind` starts with, typed (`d-m-yyyy`), or empty for none. */
export function prefillDue(kind: LetterKind, today: string): string {
  const days = defaultTermDays(kind);
  return days === null ? '' : typedDayAfter(today, days);
}
