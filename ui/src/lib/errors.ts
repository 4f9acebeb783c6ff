// How an IpcError is told to the user, from the message catalogue.
import type { IpcError } from './ipc';
import { t, type MessageKey } from './i18n/index.svelte';

export function describeError(error: IpcError): string {
  switch (error.kind) {
    case 'not_found':
      return t('error.not_found', { message: error.message });
    case 'invalid_file':
      return t('error.invalid_file', { message: error.message });
    case 'conflict':
      return t('error.conflict', { message: error.message });
    case 'unreadable':
      return t('error.unreadable', { message: error.message });
    case 'frozen':
      return t('error.frozen', { message: error.message });
    case 'blocked':
      return t('error.blocked', { message: error.message });
    case 'report':
      return t('error.report', { message: error.message });
    case 'in_use':
      return t('error.in_use', {
        item: t(`item.${error.item ?? 'party'}` as MessageKey),
        refs: error.references.map((r) => `${r.count} × ${t(`item.${r.kind}` as MessageKey)}`).join(', '),
      });
    case 'stale':
      return t('error.stale');
    case 'storage':
      return t('error.storage', { message: error.message });
    default:
      return t('error.generic', { message: error.message });
  }
}
