import { describe, expect, it } from 'vitest';
import { toIpcError } from './index';

describe('IPC errors', () => {
  it('keeps a typed error from Rust as it is', () => {
    const e = toIpcError({ kind: 'invalid', message: 'ongeldige invoer', fields: [{ field: 'title', code: 'required' }] });
    expect(e.kind).toBe('invalid');
    expect(e.fields).toHaveLength(1);
  });

  it('turns anything else into a storage error with its text, so the UI can still branch on kind', () => {
    expect(toIpcError('command dossier_x not found')).toEqual({ kind: 'storage', message: 'command dossier_x not found', fields: [] });
    expect(toIpcError(new Error('boem')).message).toBe('boem');
    expect(toIpcError({ kind: 'weird', message: 'x' }).kind).toBe('storage');
  });
});
