// Translation: `t(key, vars)` looks a key up in the current locale (Dutch unless the user chose
// English) and fills `{name}` placeholders. The locale is reactive state, kept in localStorage.
import { en, nl, type MessageKey } from './messages';

export type Locale = 'nl' | 'en';
const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };
const STORAGE_KEY = 'wederhoor.locale';

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const i18n = $state({ locale: initialLocale() });

export function setLocale(locale: Locale): void {
  i18n.locale = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  return format(catalogues[locale][key], vars);
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(i18n.locale, key, vars);
}

/** A label of a closed vocabulary, e.g. `label('status', 'intake')`. */
export function label(
  prefix: 'status' | 'report.kind' | 'role' | 'verdict' | 'outcome' | 'severity' | 'channel' | 'sourceKind' | 'conflictKind' | 'resolution',
  code: string,
): string {
  const key = `${prefix}.${code}` as MessageKey;
  return key in nl ? t(key) : code;
}

export { type MessageKey };
