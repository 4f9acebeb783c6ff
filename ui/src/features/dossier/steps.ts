// What the Verloop's step form offers per kind of step: whether the step carries a term (and
// so a "done" day), a postponement's weeks, and who usually takes it — and the helpers that
// turn a stored step into the form's typed fields and back.
import type { EventInput } from '../../lib/bindings/EventInput';
import type { EventKind } from '../../lib/bindings/EventKind';
import type { EventView } from '../../lib/bindings/EventView';
import type { PartyRole } from '../../lib/bindings/PartyRole';
import type { PartyView } from '../../lib/bindings/PartyView';
import { formatDay } from '../../lib/dates';

/** Every kind, in the order a procedure runs (the form's list). */
export const EVENT_KINDS: EventKind[] = [
  'internal_complaint_filed',
  'internal_complaint_acknowledged',
  'internal_complaint_extended',
  'internal_complaint_decided',
  'request_received',
  'request_acknowledged',
  'admissibility_decided',
  'information_requested',
  'hearing',
  'findings_sent',
  'report_sent',
  'promise',
  'closed',
  'other',
];

/** Steps that ask for something by a day: their term is the date the ombudsman (or the promise) set. */
const WITH_TERM = new Set<EventKind>(['information_requested', 'hearing', 'findings_sent', 'report_sent', 'promise', 'other']);

/** Whether the form asks for a term and a "done" day for this kind. */
export function hasTerm(kind: EventKind): boolean {
  return WITH_TERM.has(kind);
}

/** Whether the form asks for a postponement's weeks. */
export function hasWeeks(kind: EventKind): boolean {
  return kind === 'internal_complaint_extended';
}

/** Who usually takes a step of this kind: the citizen files and asks, the body answers and promises. */
const USUAL_ROLE: Partial<Record<EventKind, PartyRole>> = {
  internal_complaint_filed: 'requester',
  internal_complaint_acknowledged: 'body',
  internal_complaint_extended: 'body',
  internal_complaint_decided: 'body',
  request_received: 'requester',
  information_requested: 'body',
  report_sent: 'body',
  promise: 'body',
};

/** The party the form proposes for a new step of this kind: the only one with the usual role. */
export function usualParty(kind: EventKind, parties: PartyView[]): number | null {
  const role = USUAL_ROLE[kind];
  if (!role) return null;
  const matching = parties.filter((p) => p.role === role);
  return matching.length === 1 ? matching[0].id : null;
}

/** The form's fields for a stored step, dates as typed (`2-7-2018`), or for a new one. */
export function formOf(dossierId: number, step: EventView | null, kind: EventKind = 'internal_complaint_filed'): EventInput {
  return {
    id: step?.id ?? null,
    dossierId,
    kind: step?.kind ?? kind,
    on: step ? formatDay(step.on) : '',
    partyId: step?.partyId ?? null,
    dueOn: step?.dueOn ? formatDay(step.dueOn) : '',
    doneOn: step?.doneOn ? formatDay(step.doneOn) : '',
    weeks: step?.weeks ?? null,
    sourceId: step?.sourceId ?? null,
    text: step?.text ?? '',
  };
}

/** What is sent for the form: fields the kind does not use are left empty, so no stale term is kept. */
export function inputOf(form: EventInput): EventInput {
  const term = hasTerm(form.kind);
  return {
    ...form,
    dueOn: term ? form.dueOn : '',
    doneOn: term ? form.doneOn : '',
    weeks: hasWeeks(form.kind) ? form.weeks : null,
  };
}

/** `weeks` weeks after a typed day (`d-m-jjjj` or ISO), as typed; `null` when the day cannot be read. */
export function weeksAfter(typed: string, weeks: number): string | null {
  const t = typed.trim();
  let y: number, m: number, d: number;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (dutch) [d, m, y] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  date.setUTCDate(date.getUTCDate() + weeks * 7);
  return `${date.getUTCDate()}-${date.getUTCMonth() + 1}-${date.getUTCFullYear()}`;
}
