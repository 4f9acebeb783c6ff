// The "Nieuw dossier" form's state and how it becomes the wire type, and how every form shows
// a failed save. Validation itself is in Rust (wederhoor-core), so the rules exist once; this
// only shapes text fields into lists and errors into messages.
import type { FieldCode } from '../../lib/bindings/FieldCode';
import type { FieldError } from '../../lib/bindings/FieldError';
import type { NewDossier } from '../../lib/bindings/NewDossier';
import { describeError } from '../../lib/errors';
import { t } from '../../lib/i18n/index.svelte';
import type { MessageKey } from '../../lib/i18n/messages';
import type { IpcError } from '../../lib/ipc';

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

/**
 * The message of every code Rust sends. A `Record` over `FieldCode` (generated from the Rust
 * enum), so a code added in Rust fails the TypeScript build until it has a message here.
 */
const FIELD_MESSAGES: Record<FieldCode, MessageKey> = {
  required: 'form.error.required',
  too_long: 'form.error.too_long',
  invalid_date: 'form.error.invalid_date',
  future_date: 'form.error.future_date',
  invalid_reference: 'form.error.invalid_reference',
  duplicate: 'form.error.duplicate',
  pseudonym_is_a_name: 'form.error.pseudonym_is_a_name',
  person_name_public: 'form.error.person_name_public',
  not_a_body: 'form.error.not_a_body',
  empty_selection: 'form.error.empty_selection',
  unknown_party: 'form.error.unknown_party',
  unknown_source: 'form.error.unknown_source',
  out_of_range: 'form.error.out_of_range',
  unknown_statement: 'form.error.unknown_statement',
  unknown_point: 'form.error.unknown_point',
  unknown_norm: 'form.error.unknown_norm',
  duplicate_norm: 'form.error.duplicate_norm',
  both_sides: 'form.error.both_sides',
  not_heard: 'form.error.not_heard',
  before_start: 'form.error.before_start',
  too_many_weeks: 'form.error.too_many_weeks',
  invalid: 'form.error.invalid',
  bad_request: 'form.error.bad_request',
};

/** Every code Rust sends, in the order of the enum. */
export const FIELD_CODES = Object.keys(FIELD_MESSAGES) as FieldCode[];

/** The catalogue key of a field error's message. */
export function fieldMessageKey(error: FieldError): MessageKey {
  // The fallback only guards against a value that is not a `FieldCode` at run time.
  return Object.hasOwn(FIELD_MESSAGES, error.code) ? FIELD_MESSAGES[error.code] : 'form.error.unknown';
}

/** Field errors keyed by field name (first error per field). */
export function errorsByField(errors: FieldError[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const error of errors) if (!(error.field in out)) out[error.field] = error;
  return out;
}

/**
 * A failed save as a form shows it: each failing field's error, and one sentence above the
 * form — `fixKey` ("… niet opgeslagen. Verbeter de gemarkeerde velden.") when fields failed,
 * else what went wrong.
 */
export function saveFailure(error: IpcError, fixKey: MessageKey): { errors: Record<string, FieldError>; failure: string } {
  return error.kind === 'invalid'
    ? { errors: errorsByField(error.fields), failure: t(fixKey) }
    : { errors: {}, failure: describeError(error) };
}
