import { describe, expect, it } from 'vitest';
import { formatDay } from './dates';
import { dossierHref, parseRoute } from './route';

describe('routes', () => {
  it('reads a dossier id from the hash and falls back to the list', () => {
    expect(parseRoute(dossierHref(12))).toEqual({ name: 'dossier', id: 12 });
    expect(parseRoute('')).toEqual({ name: 'dossiers' });
    expect(parseRoute('#/dossier/abc')).toEqual({ name: 'dossiers' });
  });
});

describe('days', () => {
  it('shows ISO days the Dutch way', () => {
    expect(formatDay('2019-03-04')).toBe('4-3-2019');
    expect(formatDay('2019-03-04', 'en')).toBe('4 Mar 2019');
    expect(formatDay('onbekend')).toBe('onbekend');
  });
});
