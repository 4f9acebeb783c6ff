// The only door to the Rust side: typed wrappers around Tauri's `invoke`, one per command.
// Every rejection is normalised to the wire type `IpcError`, so callers branch on `kind`.
import { invoke } from '@tauri-apps/api/core';
import type { DossierOverview } from '../bindings/DossierOverview';
import type { DossierSummary } from '../bindings/DossierSummary';
import type { IpcError } from '../bindings/IpcError';
import type { NewDossier } from '../bindings/NewDossier';

export type { IpcError };

const KINDS = new Set(['not_found', 'invalid', 'invalid_file', 'conflict', 'storage']);

/** Turns whatever a failed invoke threw into an `IpcError`. */
export function toIpcError(thrown: unknown): IpcError {
  if (thrown && typeof thrown === 'object' && 'kind' in thrown && KINDS.has(String((thrown as IpcError).kind))) {
    const e = thrown as IpcError;
    return { kind: e.kind, message: String(e.message ?? ''), fields: Array.isArray(e.fields) ? e.fields : [] };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { kind: 'storage', message, fields: [] };
}

export function isIpcError(value: unknown): value is IpcError {
  return !!value && typeof value === 'object' && 'kind' in value && 'message' in value && 'fields' in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

export const ipc = {
  dossierList: () => call<DossierSummary[]>('dossier_list'),
  dossierCreate: (input: NewDossier) => call<DossierSummary>('dossier_create', { input }),
  dossierOverview: (id: number) => call<DossierOverview>('dossier_overview', { id }),
  dossierImport: (json: string) => call<DossierSummary>('dossier_import', { json }),
};
