// How a logboek entry is told: its action in Dutch (from the catalogue, the code itself when
// the catalogue has no word for it yet) and the details worth showing, never raw JSON.
import { t } from '../../lib/i18n/index.svelte';
import { nl, type MessageKey } from '../../lib/i18n/messages';

const SHOWN_KEYS = ['subject', 'kind', 'public', 'shown', 'reason', 'to', 'backup', 'dossiers', 'version_id', 'pages', 'from', 'status'] as const;

export function actionLabel(action: string): string {
  const key = `log.action.${action}` as MessageKey;
  return key in nl ? t(key) : action;
}

function value(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? t('log.yes') : t('log.no');
  return null;
}

/** "openbaar: ja · naar: /tmp/r.pdf", from the details that have a word in the catalogue. */
export function detailLine(detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return '';
  }
  if (!parsed || typeof parsed !== 'object') return '';
  const record = parsed as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of SHOWN_KEYS) {
    const shown = value(record[key]);
    if (shown !== null && shown !== '') parts.push(`${t(`log.key.${key}` as MessageKey)}: ${shown}`);
  }
  return parts.join(' · ');
}
