// The only door to the Rust side: typed wrappers around Tauri's `invoke`, one per command.
// Every rejection is normalised to the wire type `IpcError`, so callers branch on `kind`.
// Documents travel as the raw request body, their metadata as base64 JSON in one header.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { AssessmentView } from '../bindings/AssessmentView';
import type { ConflictDetail } from '../bindings/ConflictDetail';
import type { ConflictEdit } from '../bindings/ConflictEdit';
import type { DossierOverview } from '../bindings/DossierOverview';
import type { DossierEdit } from '../bindings/DossierEdit';
import type { DossierStatus } from '../bindings/DossierStatus';
import type { PartyInput } from '../bindings/PartyInput';
import type { PartyRole } from '../bindings/PartyRole';
import type { PartySuggestion } from '../bindings/PartySuggestion';
import type { PointInput } from '../bindings/PointInput';
import type { ReactionInput } from '../bindings/ReactionInput';
import type { SourceEdit } from '../bindings/SourceEdit';
import type { StatementEdit } from '../bindings/StatementEdit';
import type { StatementView } from '../bindings/StatementView';
import type { TypedSourceInput } from '../bindings/TypedSourceInput';
import type { UndoState } from '../bindings/UndoState';
import type { DossierSummary } from '../bindings/DossierSummary';
import type { ExportStep } from '../bindings/ExportStep';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { IpcError } from '../bindings/IpcError';
import type { NewConflict } from '../bindings/NewConflict';
import type { NewDossier } from '../bindings/NewDossier';
import type { NewSourceMeta } from '../bindings/NewSourceMeta';
import type { Norm } from '../bindings/Norm';
import type { NewStatement } from '../bindings/NewStatement';
import type { PointAssessmentEdit } from '../bindings/PointAssessmentEdit';
import type { RecommendationView } from '../bindings/RecommendationView';
import type { RegisterImported } from '../bindings/RegisterImported';
import type { RegisterImportMeta } from '../bindings/RegisterImportMeta';
import type { RegisterMapping } from '../bindings/RegisterMapping';
import type { RegisterPreview } from '../bindings/RegisterPreview';
import type { ReportExported } from '../bindings/ReportExported';
import type { ReportKind } from '../bindings/ReportKind';
import type { ReportPreview } from '../bindings/ReportPreview';
import type { ReportVersion } from '../bindings/ReportVersion';
import type { SearchHit } from '../bindings/SearchHit';
import type { LibraryGroup } from '../bindings/LibraryGroup';
import type { RuleSettings } from '../bindings/RuleSettings';
import type { SideBySideView } from '../bindings/SideBySideView';
import type { SourceAdded } from '../bindings/SourceAdded';
import type { AppStatus } from '../bindings/AppStatus';
import type { BackupSummary } from '../bindings/BackupSummary';
import type { DetailKind } from '../bindings/DetailKind';
import type { DossierLog } from '../bindings/DossierLog';
import type { PublicAllowance } from '../bindings/PublicAllowance';
import type { ReadProgress } from '../bindings/ReadProgress';
import type { SourceDetail } from '../bindings/SourceDetail';
import type { SourceSummary } from '../bindings/SourceSummary';
import type { SuggestionView } from '../bindings/SuggestionView';
import type { DeadlineSummary } from '../bindings/DeadlineSummary';
import type { DossierRow } from '../bindings/DossierRow';
import type { EventInput } from '../bindings/EventInput';
import type { LetterInput } from '../bindings/LetterInput';
import type { ProcedureView } from '../bindings/ProcedureView';
import type { StepOffer } from '../bindings/StepOffer';
import type { Signals } from '../bindings/Signals';

export type { IpcError };

const KINDS = new Set(['not_found', 'invalid', 'invalid_file', 'conflict', 'unreadable', 'frozen', 'blocked', 'report', 'storage', 'in_use', 'stale', 'locked']);
const META_HEADER = 'x-wederhoor-meta';
const PROGRESS_EVENT = 'register-import-progress';
const REPORT_PROGRESS_EVENT = 'report-export-progress';
const READ_PROGRESS_EVENT = 'source-read-progress';

/** Turns whatever a failed invoke threw into an `IpcError`. */
export function toIpcError(thrown: unknown): IpcError {
  if (thrown && typeof thrown === 'object' && 'kind' in thrown && KINDS.has(String((thrown as IpcError).kind))) {
    const e = thrown as IpcError;
    return {
      kind: e.kind,
      message: String(e.message ?? ''),
      fields: Array.isArray(e.fields) ? e.fields : [],
      references: Array.isArray(e.references) ? e.references : [],
      item: e.item ?? null,
      checks: Array.isArray(e.checks) ? e.checks : [],
      findings: Array.isArray(e.findings) ? e.findings : [],
    };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { kind: 'storage', message, fields: [], references: [], item: null, checks: [], findings: [] };
}

/** Metadata as the header value: UTF-8 JSON in base64, so file names with é survive. */
export function encodeMeta(meta: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(meta));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

async function callRaw<T>(command: string, bytes: Uint8Array, meta: unknown): Promise<T> {
  try {
    return await invoke<T>(command, bytes, { headers: { [META_HEADER]: encodeMeta(meta) } });
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

export const ipc = {
  dossierList: () => call<DossierSummary[]>('dossier_list'),
  dossierRows: () => call<DossierRow[]>('dossier_rows'),
  deadlines: () => call<DeadlineSummary>('deadlines'),
  procedureView: (dossierId: number) => call<ProcedureView>('procedure_view', { dossierId }),
  eventSave: (input: EventInput) => call<number>('event_save', { input }),
  eventRemove: (dossierId: number, id: number) => call<null>('event_remove', { dossierId, id }),
  procedureAcceptNorm: (dossierId: number, key: string, pointId: number) =>
    call<null>('procedure_accept_norm', { dossierId, key, pointId }),
  procedureDismissNorm: (dossierId: number, key: string) => call<null>('procedure_dismiss_norm', { dossierId, key }),
  letterDraft: (input: LetterInput) => call<ReportVersion>('letter_draft', { input }),
  letterStepOffer: (versionId: number) => call<StepOffer | null>('letter_step_offer', { versionId }),
  dossierCreate: (input: NewDossier) => call<DossierSummary>('dossier_create', { input }),
  dossierOverview: (id: number) => call<DossierOverview>('dossier_overview', { id }),
  dossierImport: (json: string) => call<DossierSummary>('dossier_import', { json }),
  dossierUpdate: (edit: DossierEdit) => call<null>('dossier_update', { edit }),
  dossierSetStatus: (id: number, status: DossierStatus) => call<null>('dossier_set_status', { id, status }),
  partySave: (input: PartyInput) => call<number>('party_save', { input }),
  partySuggest: (dossierId: number, id: number | null, role: PartyRole, name: string) =>
    call<PartySuggestion>('party_suggest', { dossierId, id, role, name }),
  partyRemove: (dossierId: number, id: number) => call<null>('party_remove', { dossierId, id }),
  pointSave: (input: PointInput) => call<number>('point_save', { input }),
  pointMove: (dossierId: number, id: number, position: number) => call<null>('point_move', { dossierId, id, position }),
  pointRemove: (dossierId: number, id: number) => call<null>('point_remove', { dossierId, id }),
  statementGet: (id: number) => call<StatementView>('statement_get', { id }),
  statementUpdate: (edit: StatementEdit) => call<null>('statement_update', { edit }),
  statementRemove: (id: number) => call<null>('statement_remove', { id }),
  sourceAddTyped: (input: TypedSourceInput) => call<SourceSummary>('source_add_typed', { input }),
  sourceUpdate: (edit: SourceEdit) => call<SourceSummary>('source_update', { edit }),
  sourceRemove: (id: number) => call<null>('source_remove', { id }),
  reactionSave: (input: ReactionInput) => call<number>('reaction_save', { input }),
  reactionRemove: (dossierId: number, id: number) => call<null>('reaction_remove', { dossierId, id }),
  undoState: (dossierId: number) => call<UndoState>('undo_state', { dossierId }),
  undo: (dossierId: number) => call<UndoState>('undo', { dossierId }),
  redo: (dossierId: number) => call<UndoState>('redo', { dossierId }),
  dossierSearch: (dossierId: number, query: string) => call<SearchHit[]>('dossier_search', { dossierId, query }),
  /** Every dossier's sources, statements and reports, the matches grouped per dossier. */
  librarySearch: (query: string) => call<LibraryGroup[]>('library_search', { query }),
  sourceList: (dossierId: number) => call<SourceSummary[]>('source_list', { dossierId }),
  sourceDetail: (id: number) => call<SourceDetail>('source_detail', { id }),
  sourceAdd: (bytes: Uint8Array, meta: NewSourceMeta) => callRaw<SourceAdded>('source_add', bytes, meta),
  sourceUnlock: (id: number, password: string) => call<SourceAdded>('source_unlock', { id, password }),
  sourceSetText: (id: number, text: string) => call<SourceSummary>('source_set_text', { id, text }),
  onReadProgress: (handler: (p: ReadProgress) => void): Promise<UnlistenFn> =>
    listen<ReadProgress>(READ_PROGRESS_EVENT, (event) => handler(event.payload)),
  registerPreview: (bytes: Uint8Array, mapping: RegisterMapping | null) => callRaw<RegisterPreview>('register_preview', bytes, mapping),
  registerImport: (bytes: Uint8Array, meta: RegisterImportMeta) => callRaw<RegisterImported>('register_import', bytes, meta),
  onImportProgress: (handler: (p: ImportProgress) => void): Promise<UnlistenFn> =>
    listen<ImportProgress>(PROGRESS_EVENT, (event) => handler(event.payload)),
  statementCreate: (input: NewStatement) => call<number>('statement_create', { input }),
  sideBySide: (dossierId: number) => call<SideBySideView>('side_by_side', { dossierId }),
  conflictCreate: (input: NewConflict) => call<number>('conflict_create', { input }),
  conflictList: (dossierId: number) => call<ConflictDetail[]>('conflict_list', { dossierId }),
  conflictUpdate: (edit: ConflictEdit) => call<null>('conflict_update', { edit }),
  suggestionList: (dossierId: number, settings: RuleSettings) => call<SuggestionView[]>('suggestion_list', { dossierId, settings }),
  suggestionDismiss: (dossierId: number, key: string) => call<null>('suggestion_dismiss', { dossierId, key }),
  conflictMissingRecordFinding: (conflictId: number, norm: string) => call<number>('conflict_missing_record_finding', { conflictId, norm }),
  normList: () => call<Norm[]>('norm_list'),
  assessmentView: (dossierId: number) => call<AssessmentView>('assessment_view', { dossierId }),
  assessmentSavePoint: (dossierId: number, edit: PointAssessmentEdit) => call<AssessmentView>('assessment_save_point', { dossierId, edit }),
  recommendationSave: (dossierId: number, recommendation: RecommendationView) =>
    call<AssessmentView>('recommendation_save', { dossierId, recommendation }),
  recommendationDelete: (dossierId: number, id: number) => call<AssessmentView>('recommendation_delete', { dossierId, id }),
  reportVersions: (dossierId: number) => call<ReportVersion[]>('report_versions', { dossierId }),
  reportDraft: (dossierId: number, kind: ReportKind) => call<ReportVersion>('report_draft', { dossierId, kind }),
  reportCopy: (versionId: number) => call<ReportVersion>('report_copy', { versionId }),
  reportSave: (versionId: number, markdown: string) => call<ReportVersion>('report_save', { versionId, markdown }),
  reportFinalise: (versionId: number) => call<ReportVersion>('report_finalise', { versionId }),
  reportPreview: (dossierId: number, kind: ReportKind, markdown: string, anonymous: boolean) =>
    call<ReportPreview>('report_preview', { dossierId, kind, markdown, public: anonymous }),
  /** Renders, checks, then asks where to save (the dialog opens from Rust); `null` when the user cancels. */
  reportExportPdf: (versionId: number, anonymous: boolean, fileName: string) =>
    call<ReportExported | null>('report_export_pdf', { versionId, public: anonymous, fileName }),
  publicAllowances: (dossierId: number) => call<PublicAllowance[]>('public_allowances', { dossierId }),
  publicAllow: (dossierId: number, kind: DetailKind, key: string, shown: string, reason: string) =>
    call<PublicAllowance[]>('public_allow', { dossierId, kind, key, shown, reason }),
  publicWithdraw: (dossierId: number, id: number) => call<PublicAllowance[]>('public_withdraw', { dossierId, id }),
  appStatus: () => call<AppStatus>('app_status', {}),
  unlock: (passphrase: string) => call<void>('unlock', { passphrase }),
  encrypt: (passphrase: string) => call<void>('encrypt', { passphrase }),
  passphraseChange: (old: string, next: string) => call<void>('passphrase_change', { old, new: next }),
  backupNow: () => call<BackupSummary>('backup_now', {}),
  backupList: () => call<BackupSummary[]>('backup_list', {}),
  backupRestore: (path: string) => call<void>('backup_restore', { path }),
  /** The folder dialog opens from Rust; `null` when the user cancels. */
  backupChooseFolder: () => call<string | null>('backup_choose_folder', {}),
  dossierLog: (dossierId: number) => call<DossierLog>('dossier_log', { dossierId }),
  /** The counts of the dossiers received in a period typed Dutch style (empty for an open side). */
  signals: (from: string, to: string) => call<Signals>('signals', { from, to }),
  /** The yearly overview as PDF; the save dialog opens from Rust. `null` when the user cancels. */
  signalsExportPdf: (from: string, to: string, fileName: string) => call<ReportExported | null>('signals_export_pdf', { from, to, fileName }),
  /** The counts as CSV, the same way. */
  signalsExportCsv: (from: string, to: string, fileName: string) => call<ReportExported | null>('signals_export_csv', { from, to, fileName }),
  onReportProgress: (handler: (step: ExportStep) => void): Promise<UnlistenFn> =>
    listen<ExportStep>(REPORT_PROGRESS_EVENT, (event) => handler(event.payload)),
};
