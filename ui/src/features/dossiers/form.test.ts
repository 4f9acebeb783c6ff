import { describe, expect, it } from 'vitest';
import type { FieldCode } from '../../lib/bindings/FieldCode';
import { en, nl } from '../../lib/i18n/messages';
import { emptyForm, errorsByField, FIELD_CODES, fieldMessageKey, saveFailure, splitList, toNewDossier } from './form';

describe('new dossier form', () => {
  it('turns bodies (one per line) and keywords (comma separated) into lists', () => {
    const input = toNewDossier({
      ...emptyForm(),
      title: 'Klacht',
      bodies: 'Gemeente Voorbeeldstad\r\n\n  Belastingsamenwerking  ',
      keywords: 'postadres, bereikbaarheid;  , woningbrand',
      receivedOn: '4-3-2019',
      reference: '  ',
    });
    expect(input.bodies).toEqual(['Gemeente Voorbeeldstad', 'Belastingsamenwerking']);
    expect(input.keywords).toEqual(['postadres', 'bereikbaarheid', 'woningbrand']);
    expect(input.reference, 'a blank reference asks Rust for the next free one').toBe('');
    expect(input.receivedOn, 'dates go to Rust as typed; Rust validates them').toBe('4-3-2019');
  });

  it('drops empty entries', () => {
    expect(splitList(' , ,', /,/)).toEqual([]);
  });

  it('maps every field error code Rust sends to a Dutch and an English message', () => {
    expect(FIELD_CODES).toContain('invalid_date');
    expect(FIELD_CODES).toContain('bad_request');
    for (const code of FIELD_CODES) {
      const key = fieldMessageKey({ field: 'title', code });
      expect(key).toBe(`form.error.${code}`);
      expect(nl[key], code).toBeTruthy();
      expect(en[key], code).toBeTruthy();
    }
    // Only a value outside the generated type (a bug on the other side) falls back.
    expect(fieldMessageKey({ field: 'title', code: 'something_new' as FieldCode })).toBe('form.error.unknown');
  });

  it('keeps the first error per field', () => {
    const byField = errorsByField([
      { field: 'title', code: 'required' },
      { field: 'title', code: 'too_long' },
      { field: 'receivedOn', code: 'invalid_date' },
    ]);
    expect(byField.title.code).toBe('required');
    expect(Object.keys(byField)).toEqual(['title', 'receivedOn']);
  });
});

describe('saveFailure', () => {
  // A refused save marks each failing field and says so once above the form; any other failure
  // (the database, a removed item) is said as what it is, with no field marked.
  it('marks the fields of an invalid save and asks to correct them', () => {
    const shown = saveFailure({ kind: 'invalid', message: '', fields: [{ field: 'title', code: 'required' }], references: [], item: null, checks: [], findings: [] }, 'party.fixErrors');
    expect(Object.keys(shown.errors)).toEqual(['title']);
    expect(shown.failure).toMatch(/Verbeter de gemarkeerde velden/);
  });
  it('tells any other failure as it is', () => {
    const shown = saveFailure({ kind: 'stale', message: '', fields: [], references: [], item: null, checks: [], findings: [] }, 'party.fixErrors');
    expect(shown.errors).toEqual({});
    expect(shown.failure).not.toMatch(/gemarkeerde/);
  });
});
