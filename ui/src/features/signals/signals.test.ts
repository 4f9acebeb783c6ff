import { describe, expect, it } from 'vitest';
import type { QuarterCell } from '../../lib/bindings/QuarterCell';
import type { Signals } from '../../lib/bindings/Signals';
import { parseRoute } from '../../lib/route';
import { parseListState } from '../dossiers/listState';
import { barPercent, niceTop, trendGeometry } from './chart';
import { exportFileName, isWhole, periodLabel, typedYear, yearOf, yearsWithDossiers } from './period';
import { bodyRows, dossiersWithPoints, hasSmall, intersect, judgedNormRows, keywordRows, normRows, verdictRows } from './rows';

const quarter = (year: number, q: number, dossiers: number[], over: Partial<QuarterCell> = {}): QuarterCell => ({
  year,
  quarter: q,
  dossiers,
  points: dossiers.length,
  pointsGegrond: 0,
  small: dossiers.length > 0 && dossiers.length < 5,
  ...over,
});

// As the store counts them: dossiers 1–3 in 2025 (7 had no points), the WIJ-team acting for the municipality.
const signals: Signals = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  dossiers: [3, 2, 1, 7],
  points: 5,
  verdicts: [
    { verdict: 'open', points: 0, dossiers: [], small: false },
    { verdict: 'gegrond', points: 3, dossiers: [3, 1], small: true },
    { verdict: 'niet_gegrond', points: 2, dossiers: [2], small: true },
    { verdict: 'deels_gegrond', points: 0, dossiers: [], small: false },
    { verdict: 'geen_oordeel', points: 0, dossiers: [], small: false },
  ],
  bodies: [
    {
      name: 'Gemeente Voorbeeldstad',
      publicName: 'Gemeente Voorbeeldstad',
      dossiers: [3, 2, 1],
      pointsGegrond: 2,
      small: true,
      partners: [{ name: 'WIJ-team Oost', publicName: 'het WIJ-team', dossiers: [1], pointsGegrond: 1, small: true }],
    },
  ],
  norms: [
    {
      code: 'voortvarendheid',
      name: 'Voortvarendheid',
      current: true,
      points: 2,
      dossiers: [3, 2],
      small: true,
      older: [{ code: 'klassiek/voortvarendheid', name: 'Voortvarendheid', current: false, points: 1, dossiers: [2], small: true, older: [] }],
    },
  ],
  judgedNorms: [
    { code: 'klassiek/voortvarendheid', name: 'Voortvarendheid', current: false, points: 1, dossiers: [2], small: true, older: [] },
    { code: 'voortvarendheid', name: 'Voortvarendheid', current: true, points: 1, dossiers: [3], small: true, older: [] },
  ],
  keywords: [{ keyword: 'postadres', dossiers: [3, 1], small: true }],
  quarters: [quarter(2025, 1, [1, 7]), quarter(2025, 2, []), quarter(2025, 3, [2]), quarter(2025, 4, [3], { pointsGegrond: 2 })],
  smallBelow: 5,
};

/** What the list shows for a link: its dossiers and its label. */
function opens(href: string | null) {
  expect(href, 'a count above zero is a link').not.toBeNull();
  const route = parseRoute(href ?? '');
  const state = parseListState(route.name === 'dossiers' ? (route.query ?? '') : '');
  return { dossiers: state.dossiers, origin: state.origin };
}

describe('periods', () => {
  it('offers the years in which dossiers came in, newest first, and none without dossiers', () => {
    const all = { ...signals, quarters: [quarter(2019, 1, [9]), quarter(2019, 2, []), quarter(2024, 4, []), quarter(2025, 1, [1])] };
    expect(yearsWithDossiers(all)).toEqual([2025, 2019]);
  });

  it('types a year the way the fields take it, and knows a period that is one year', () => {
    expect(typedYear(2025)).toEqual({ from: '1-1-2025', to: '31-12-2025' });
    expect(yearOf({ from: '2025-01-01', to: '2025-12-31' })).toBe(2025);
    expect(yearOf({ from: '2025-01-01', to: '2026-12-31' })).toBeNull();
    expect(isWhole({ from: null, to: null })).toBe(true);
  });

  it('names a period in labels the way a reader says it', () => {
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(periodLabel({ from: null, to: null })).toBe('alle jaren');
    expect(periodLabel({ from: '2025-03-01', to: '2025-06-30' })).toBe('1-3-2025 t/m 30-6-2025');
    expect(periodLabel({ from: '2025-03-01', to: null })).toBe('vanaf 1-3-2025');
    expect(periodLabel({ from: null, to: '2025-06-30' })).toBe('t/m 30-6-2025');
  });

  it('proposes file names that say what the export covers', () => {
    expect(exportFileName('pdf', { from: '2025-01-01', to: '2025-12-31' })).toBe('jaaroverzicht-2025.pdf');
    expect(exportFileName('csv', { from: null, to: null })).toBe('telling-alle-jaren.csv');
    expect(exportFileName('csv', { from: '2025-03-01', to: '2025-06-30' })).toBe('telling-2025-03-01_2025-06-30.csv');
  });
});

describe('rows of the bar charts', () => {
  it('puts a partner beneath its body, with its public name and its own dossiers', () => {
    const rows = bodyRows(signals, '2025');
    expect(rows.map((r) => [r.label, r.value, r.depth])).toEqual([
      ['Gemeente Voorbeeldstad', 3, 0],
      ['WIJ-team Oost', 1, 1],
    ]);
    expect(rows[1].note).toBe('openbaar: het WIJ-team');
    expect(opens(rows[0].href)).toEqual({ dossiers: [3, 2, 1], origin: 'Gemeente Voorbeeldstad, 2025' });
    expect(opens(rows[1].href)).toEqual({ dossiers: [1], origin: 'WIJ-team Oost, 2025' });
  });

  it('links a body\'s gegrond number to its dossiers that have a gegrond point', () => {
    const [body] = bodyRows(signals, '2025');
    expect(body.extra?.text).toBe('2 gegrond');
    expect(opens(body.extra?.href ?? null)).toEqual({ dossiers: [3, 1], origin: 'Gemeente Voorbeeldstad, gegrond, 2025' });
  });

  it('shows every verdict, counted per point, and a zero opens nothing', () => {
    const rows = verdictRows(signals, '2025');
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Nog geen oordeel', 0],
      ['Gegrond', 3],
      ['Niet gegrond', 2],
      ['Deels gegrond', 0],
      ['Geen oordeel', 0],
    ]);
    expect(rows[0].href).toBeNull();
    expect(opens(rows[1].href)).toEqual({ dossiers: [3, 1], origin: 'Gegrond, 2025' });
  });

  it('shows older norms beneath the current one, and apart when shown as judged', () => {
    expect(normRows(signals, '2025').map((r) => [r.label, r.value, r.depth, r.note])).toEqual([
      ['Voortvarendheid', 2, 0, null],
      ['Voortvarendheid', 1, 1, 'oudere norm'],
    ]);
    expect(judgedNormRows(signals, '2025').map((r) => [r.value, r.depth, r.note])).toEqual([
      [1, 0, 'oudere norm'],
      [1, 0, null],
    ]);
    expect(opens(normRows(signals, '2025')[0].href).origin).toBe('Niet behoorlijk: Voortvarendheid, 2025');
    const keys = normRows(signals, '2025').map((r) => r.key);
    expect(new Set(keys).size, 'rows are keyed uniquely for the list').toBe(keys.length);
  });

  it('marks small counts, so the legend shows when any is', () => {
    expect(keywordRows(signals, '2025')[0]).toMatchObject({ label: 'postadres', value: 2, small: true });
    expect(hasSmall(signals)).toBe(true);
    const big = (ids: number[]) => ({ small: false, dossiers: ids });
    expect(
      hasSmall({
        ...signals,
        verdicts: signals.verdicts.map((v) => ({ ...v, small: false })),
        bodies: [],
        norms: [],
        judgedNorms: [],
        keywords: [{ keyword: 'x', ...big([1, 2, 3, 4, 5]) }],
        quarters: [],
      }),
    ).toBe(false);
  });

  it('counts the dossiers behind the complaint points and keeps the list order when intersecting', () => {
    expect(dossiersWithPoints(signals)).toEqual([3, 2, 1]);
    expect(intersect([3, 2, 1], [1, 3])).toEqual([3, 1]);
  });
});

describe('chart geometry', () => {
  it('draws a bar against the longest of its section and never hides a count above zero', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(1, 1000)).toBe(1.5);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });

  it('rounds the axis up to a number that reads well', () => {
    expect([0, 1, 3, 7, 12, 38, 151].map(niceTop)).toEqual([1, 1, 5, 10, 20, 50, 200]);
  });

  it('lays the quarters out left to right, more dossiers higher, zero on the axis', () => {
    const g = trendGeometry(signals.quarters, 640, 200);
    expect(g.points.map((p) => p.value)).toEqual([2, 0, 1, 1]);
    expect(g.points[0].x).toBe(g.left);
    expect(g.points[3].x).toBe(g.right);
    expect(g.points[1].y).toBe(g.bottom);
    expect(g.points[0].y).toBeLessThan(g.points[2].y);
    expect(g.line.split(' ')).toHaveLength(4);
  });

  it('lets at most twelve points of a crowded chart carry their number, always the latest', () => {
    const many = Array.from({ length: 32 }, (_, i) => quarter(2019 + Math.floor(i / 4), (i % 4) + 1, []));
    const labelled = trendGeometry(many).points.filter((p) => p.labelled);
    expect(labelled.length).toBeLessThanOrEqual(12);
    expect(labelled[labelled.length - 1].cell).toEqual(many[31]);
  });

  it('puts a single quarter in the middle', () => {
    const g = trendGeometry([quarter(2025, 1, [1])], 640, 200);
    expect(g.points[0].x).toBe((g.left + g.right) / 2);
  });
});
