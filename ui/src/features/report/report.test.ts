import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportVersion } from '../../lib/bindings/ReportVersion';
import { Autosave, type SaveState } from './autosave';
import { exportFileName, formatSize, versionsOfKind } from './versions';

const v = (id: number, kind: ReportVersion['kind']): ReportVersion => ({
  id,
  kind,
  status: 'draft',
  date: null,
  markdown: '',
  createdAt: '2026-11-26T10:00:00Z',
  updatedAt: '2026-11-26T10:00:00Z',
  stale: false,
});

describe('report versions', () => {
  it('numbers the versions of one kind from the oldest and lists the newest first', () => {
    const list = versionsOfKind([v(7, 'rapport'), v(3, 'rapport'), v(5, 'rapportbrief')], 'rapport');
    expect(list.map((n) => [n.version.id, n.number])).toEqual([
      [7, 2],
      [3, 1],
    ]);
  });

  it('proposes a file name that says which version it is and survives every file system', () => {
    expect(exportFileName('2019/0117', 'verslag_van_bevindingen', true)).toBe('2019-0117-verslag-van-bevindingen-openbaar.pdf');
    expect(exportFileName('2019-0117', 'rapport', false)).toBe('2019-0117-rapport-vertrouwelijk.pdf');
  });

  it('writes sizes the Dutch way', () => {
    expect(formatSize(81_712)).toBe('80 kB');
    expect(formatSize(1_300_000)).toBe('1,2 MB');
  });
});

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after typing stops, with the last text', async () => {
    const write = vi.fn(async () => {});
    const states: SaveState['kind'][] = [];
    const autosave = new Autosave(write, (s) => states.push(s.kind), 500);
    autosave.change('a');
    autosave.change('ab');
    await vi.advanceTimersByTimeAsync(499);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('ab');
    expect(states.at(-1)).toBe('saved');
  });

  it('keeps the text after a failed save and writes it on the next flush', async () => {
    let fail = true;
    const written: string[] = [];
    const write = vi.fn(async (text: string) => {
      if (fail) throw { kind: 'storage', message: 'schijf vol' };
      written.push(text);
    });
    const states: SaveState[] = [];
    const autosave = new Autosave(write, (s) => states.push(s), 10);
    autosave.change('tekst');
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'schijf vol' });
    fail = false;
    await autosave.flush();
    expect(written).toEqual(['tekst']);
    expect(states.at(-1)).toEqual({ kind: 'saved' });
  });

  it('writes a change made during a running save after that save', async () => {
    let release: () => void = () => {};
    const written: string[] = [];
    const write = vi.fn(
      (text: string) =>
        new Promise<void>((resolve) => {
          written.push(text);
          release = resolve;
        }),
    );
    const autosave = new Autosave(write, () => {}, 10);
    autosave.change('een');
    await vi.advanceTimersByTimeAsync(10);
    autosave.change('twee');
    release();
    await vi.advanceTimersByTimeAsync(10);
    release();
    await autosave.flush();
    expect(written).toEqual(['een', 'twee']);
  });
});
