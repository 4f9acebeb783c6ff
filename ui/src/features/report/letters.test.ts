import { describe, expect, it } from 'vitest';
import type { ReportKind } from '../../lib/bindings/ReportKind';
import { en, nl } from '../../lib/i18n/messages';
import {
  addDays,
  asksLabelKey,
  defaultTermDays,
  isLetter,
  isoDay,
  LETTER_KINDS,
  prefillDue,
  QUICK_WEEKS,
  REPORT_KINDS,
  termRequired,
  typedDayAfter,
} from './letters';

// Every kind Rust knows (bindings/ReportKind.ts); a kind missing here fails the type check below.
const ALL_KINDS = {
  verslag_van_bevindingen: true,
  rapport: true,
  rapportbrief: true,
  letter_acknowledgement: true,
  letter_information_request: true,
  letter_findings: true,
  letter_report: true,
} satisfies Record<ReportKind, true>;

describe('procedure letters', () => {
  it('puts every kind in exactly one group of tabs, the four letters under Brieven', () => {
    // A kind in neither group could not be opened on the screen; one in both would show twice.
    const kinds = Object.keys(ALL_KINDS) as ReportKind[];
    expect([...REPORT_KINDS, ...LETTER_KINDS].sort()).toEqual([...kinds].sort());
    expect(LETTER_KINDS).toEqual(['letter_acknowledgement', 'letter_information_request', 'letter_findings', 'letter_report']);
    expect(kinds.filter(isLetter)).toEqual(LETTER_KINDS);
    // Only the letters open the letter form; the reports keep "new draft from the case file".
    for (const k of REPORT_KINDS) expect(isLetter(k), k).toBe(false);
  });

  it('has a tab label for every letter in both languages', () => {
    // The tab shows t(`report.kind.${k}`); a missing key would show the raw code to the user.
    for (const k of LETTER_KINDS) {
      expect(nl, k).toHaveProperty([`report.kind.${k}`]);
      expect(en, k).toHaveProperty([`report.kind.${k}`]);
    }
  });

  it('proposes the usual term per letter: 2 weeks for information, 4 to react to the verslag, 6 for the rapport, none for an acknowledgement', () => {
    // Awb 9:31 asks information within a set term; the reaction to the verslag and the answer
    // to recommendations (9:36 lid 4) get the longer periods of practice; an acknowledgement
    // asks nothing, so a prefilled term would promise an answer nobody decided on.
    expect(defaultTermDays('letter_information_request')).toBe(14);
    expect(defaultTermDays('letter_findings')).toBe(28);
    expect(defaultTermDays('letter_report')).toBe(42);
    expect(defaultTermDays('letter_acknowledgement')).toBeNull();
  });

  it('prefills the term as the form types a date, d-m-yyyy, from the app’s today', () => {
    // The Rust parser reads `d-m-yyyy`, and the user sees the same form as in every other date field.
    expect(prefillDue('letter_information_request', '2026-11-26')).toBe('10-12-2026');
    expect(prefillDue('letter_findings', '2026-11-26')).toBe('24-12-2026');
    expect(prefillDue('letter_report', '2026-11-26')).toBe('7-1-2027');
    // Empty means no term: Rust accepts that for an acknowledgement.
    expect(prefillDue('letter_acknowledgement', '2026-11-26')).toBe('');
  });

  it('counts calendar days across month ends, leap days and the clock change', () => {
    // A term counted in milliseconds would lose a day when summer time starts (29 March 2026).
    expect(addDays('2026-03-20', 14)).toBe('2026-04-03');
    expect(addDays('2026-10-20', 14)).toBe('2026-11-03');
    expect(addDays('2028-02-20', 14)).toBe('2028-03-05');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(typedDayAfter('2026-01-01', 0)).toBe('1-1-2026');
  });

  it('takes today as the day on this computer’s calendar, not the UTC day', () => {
    // Just after midnight in the Netherlands it is still yesterday in UTC; the term must start today.
    expect(isoDay(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01');
    expect(isoDay(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('offers quick terms of 2, 4 and 6 weeks, the periods the letters propose', () => {
    // Each button must reach the default of one letter, so a changed term can be restored in one click.
    const defaults = LETTER_KINDS.map(defaultTermDays).filter((d) => d !== null);
    expect(QUICK_WEEKS.map((w) => w * 7)).toEqual(defaults);
  });

  it('asks an information request for the information and documents, and the others for what is asked or an explanation', () => {
    // What an information request asks is its heart (Awb 9:31); in the other letters the field
    // adds a paragraph, and an acknowledgement asks nothing of the requester.
    expect(asksLabelKey('letter_information_request')).toBe('letters.asks.information');
    expect(nl[asksLabelKey('letter_information_request')]).toBe('Welke informatie en stukken vraagt u?');
    expect(nl[asksLabelKey('letter_findings')]).toBe('Wat vraagt u?');
    expect(nl[asksLabelKey('letter_report')]).toBe('Wat vraagt u?');
    expect(nl[asksLabelKey('letter_acknowledgement')]).toBe('Toelichting');
  });

  it('marks the term as required only for the information request, as Rust does', () => {
    // Rust refuses an information request without a term (dueOn required); the hint says so up front.
    expect(LETTER_KINDS.filter(termRequired)).toEqual(['letter_information_request']);
  });
});
