// How an IpcError is told to the user, from the message catalogue.
import type { IpcError } from './ipc';
import { checkText } from './checks';
import { t, type MessageKey } from './i18n/index.svelte';

/** `a`, `a en b`, `a, b en c`: a list as a sentence writes it. */
export function joinList(parts: string[]): string {
  if (parts.length < 2) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${t('list.and')} ${parts[parts.length - 1]}`;
}

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
      // The checks that stand in the way, worded from the catalogue; a status step refused by
      // the order of practice comes without checks and keeps its sentence.
      return t('error.blocked', { message: error.checks.length ? error.checks.map(checkText).join(' ') : error.message });
    case 'report':
      // A public version stopped by personal details: counted here, listed by PublicFindings.
      if (error.findings.length > 0) return t('error.public_blocked', { n: error.findings.length });
      return t('error.report', { message: error.message });
    case 'in_use':
      return t('error.in_use', {
        this: t(`this.${error.item ?? 'party'}` as MessageKey),
        refs: joinList(error.references.map((r) => `${r.count} ${t(`${r.count === 1 ? 'item' : 'items'}.${r.kind}` as MessageKey)}`)),
      });
    case 'stale':
      return t('error.stale');
    case 'locked':
      return t('error.locked', { message: error.message });
    case 'storage':
      return t('error.storage', { message: error.message });
    default:
      return t('error.generic', { message: error.message });
  }
}
