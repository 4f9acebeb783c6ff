// The geometry of the Signalen charts: how long a bar is against the longest of its section,
// and where the points of the quarterly trend line lie, with a round top for the axis and
// which quarters get a label when there are too many to name each.
import type { QuarterCell } from '../../lib/bindings/QuarterCell';

/** A bar's length in percent of the longest; a count above zero stays visible. */
export function barPercent(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1.5, Math.min(100, (value / max) * 100));
}

/** The top of the value axis: the maximum rounded up to a number that reads well (1, 2, 5, 10, 20, 50 …). */
export function niceTop(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

export interface TrendPoint {
  x: number;
  y: number;
  value: number;
  cell: QuarterCell;
  /** Whether it carries its number when the chart is crowded (counted from the latest, which always does). */
  labelled: boolean;
}

export interface TrendGeometry {
  width: number;
  height: number;
  /** The drawing area's bounds inside the SVG. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  axisTop: number;
  points: TrendPoint[];
  /** The `points` attribute of the polyline. */
  line: string;
}

/** At most this many quarters carry their number when there are many; the table has them all. */
const MAX_LABELS = 12;

/** Where the dossiers of each quarter lie on a line chart of `width` × `height`. */
export function trendGeometry(quarters: QuarterCell[], width = 640, height = 200): TrendGeometry {
  const left = 36;
  const right = width - 16;
  const top = 22;
  const bottom = height - 34;
  const axisTop = niceTop(Math.max(0, ...quarters.map((q) => q.dossiers.length)));
  const every = Math.max(1, Math.ceil(quarters.length / MAX_LABELS));
  const step = quarters.length > 1 ? (right - left) / (quarters.length - 1) : 0;
  const points = quarters.map((cell, i) => {
    const value = cell.dossiers.length;
    const x = quarters.length > 1 ? left + i * step : (left + right) / 2;
    const y = bottom - (value / axisTop) * (bottom - top);
    return { x: round(x), y: round(y), value, cell, labelled: (quarters.length - 1 - i) % every === 0 };
  });
  return { width, height, left, right, top, bottom, axisTop, points, line: points.map((p) => `${p.x},${p.y}`).join(' ') };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
