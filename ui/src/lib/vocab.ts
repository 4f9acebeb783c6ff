// The vocabularies the UI offers as choices, each as a record over the type generated from
// Rust: a value added there fails the build here until it is listed (and the catalogue has its
// label), so no component keeps a copy of its own.
import type { Channel } from './bindings/Channel';
import type { ConflictKind } from './bindings/ConflictKind';
import type { DossierStatus } from './bindings/DossierStatus';
import type { PartyRole } from './bindings/PartyRole';
import type { ReportKind } from './bindings/ReportKind';
import type { SourceKind } from './bindings/SourceKind';
import type { Verdict } from './bindings/Verdict';

const keys = <T extends string>(set: Record<T, true>): T[] => Object.keys(set) as T[];

export const PARTY_ROLES = keys<PartyRole>({ requester: true, body: true, official: true, representative: true, witness: true, third_party: true });
export const SOURCE_KINDS = keys<SourceKind>({ letter: true, email: true, phone_note: true, register: true, interview: true, decision: true, recording: true, policy: true, other: true });
export const CHANNELS = keys<Channel>({ phone: true, email: true, letter: true, counter: true, visit: true, portal: true, other: true });
/** Kinds of notes typed in the app rather than received as a file. */
export const TYPED_SOURCE_KINDS: SourceKind[] = ['phone_note', 'interview', 'other'];
export const REPORT_KINDS = keys<ReportKind>({
  verslag_van_bevindingen: true,
  rapport: true,
  rapportbrief: true,
  letter_acknowledgement: true,
  letter_information_request: true,
  letter_findings: true,
  letter_report: true,
});
export const CONFLICT_KINDS = keys<ConflictKind>({ count: true, date: true, occurrence: true, content: true, conduct: true });
/** Where a dossier stands, in the order of the procedure. */
export const DOSSIER_STATUSES = keys<DossierStatus>({ intake: true, intervention: true, investigation: true, findings_sent: true, reported: true, closed: true });
/** The oordeel on a complaint point, in the order of the Beoordeling. */
export const VERDICTS = keys<Verdict>({ open: true, gegrond: true, niet_gegrond: true, deels_gegrond: true, geen_oordeel: true });
