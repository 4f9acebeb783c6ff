import { describe, expect, it } from 'vitest';
import { encodeMeta, toIpcError } from './index';

describe('IPC errors', () => {
  it('keeps a typed error from Rust as it is', () => {
    const e = toIpcError({ kind: 'invalid', message: 'ongeldige invoer', fields: [{ field: 'title', code: 'required' }] });
    expect(e.kind).toBe('invalid');
    expect(e.fields).toHaveLength(1);
  });

  it('turns anything else into a storage error with its text, so the UI can still branch on kind', () => {
    expect(toIpcError('command dossier_x not found')).toEqual({ kind: 'storage', message: 'command dossier_x not found', fields: [], references: [], item: null, checks: [], findings: [] });
    expect(toIpcError(new Error('boem')).message).toBe('boem');
    expect(toIpcError({ kind: 'weird', message: 'x' }).kind).toBe('storage');
  });

  it('keeps what a refused removal names, for the message the UI writes', () => {
    const e = toIpcError({ kind: 'in_use', message: 'partij kan niet', fields: [], item: 'party', references: [{ kind: 'statement', count: 4 }] });
    expect(e.item).toBe('party');
    expect(e.references).toEqual([{ kind: 'statement', count: 4 }]);
  });

  it('encodes metadata as base64 UTF-8 JSON so diacritics survive a header', () => {
    const encoded = encodeMeta({ fileName: 'brief-Noëlle.pdf' });
    expect(encoded).toMatch(/^[A-Za-z0-9+/=]+$/);
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ fileName: 'brief-Noëlle.pdf' });
  });
});
