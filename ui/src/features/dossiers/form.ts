// The "Nieuw dossier" form's state and how it becomes the wire type. Validation itself is in
// Rust (wederhoor-core), so the rules exist once; this only shapes text fields into lists.
import type { FieldError } from '../../lib/bindings/FieldError';
import type { NewDossier } from '../../lib/bindings/NewDossier';
import type { MessageKey } from '../../lib/i18n/messages';

export interface FormState {
  reference: string;
  title: string;
  ombudsman: string;
  bodies: string;
  receivedOn: string;
  keywords: string;
  requesterName: string;
  requesterPseudonym: string;
}

export function emptyForm(): FormState {
  return {
    reference: '',
    title: '',
    ombudsman: 'Gemeentelijke ombudsman',
    bodies: '',
    receivedOn: '',
    keywords: '',
    requesterName: '',
    requesterPseudonym: 'verzoeker',
  };
}

export function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function toNewDossier(form: FormState): NewDossier {
  return {
    reference: form.reference.trim(),
    title: form.title,
    ombudsman: form.ombudsman,
    bodies: splitList(form.bodies, /\r?\n/),
    receivedOn: form.receivedOn,
    keywords: splitList(form.keywords, /[,;]/),
    requesterName: form.requesterName,
    requesterPseudonym: form.requesterPseudonym,
  };
}

const KNOWN_CODES = new Set([
  'required',
  'too_long',
  'invalid_date',
  'future_date',
  'invalid_reference',
  'duplicate',
  'unknown_party',
  'empty_selection',
  'out_of_range',
  'unknown_source',
  'not_heard',
  'unknown_point',
  'both_sides',
  'pseudonym_is_a_name',
  'person_name_public',
  'not_a_body',
  'invalid',
  'unknown_statement',
]);

/** The catalogue key of a field error's message. */
export function fieldMessageKey(error: FieldError): MessageKey {
  return (KNOWN_CODES.has(error.code) ? `form.error.${error.code}` : 'form.error.unknown') as MessageKey;
}

/** Field errors keyed by field name (first error per field). */
export function errorsByField(errors: FieldError[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const error of errors) if (!(error.field in out)) out[error.field] = error;
  return out;
}
