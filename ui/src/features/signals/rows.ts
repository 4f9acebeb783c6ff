// The Signalen sections as rows of a bar chart: per instantie (partners beneath their body),
// per verdict, per norm (older norms beneath the current one, or as judged) and per trefwoord.
// Every number is a link to the dossiers behind it (`#/?dossiers=3,7,9&uit=Gegrond, 2025`),
// and a count of fewer than `smallBelow` dossiers is marked, as publications must weigh it.
import type { NormCell } from '../../lib/bindings/NormCell';
import type { Signals } from '../../lib/bindings/Signals';
import { label, t } from '../../lib/i18n/index.svelte';
import { dossiersHref } from '../dossiers/listState';

export interface BarRow {
  key: string;
  /** What the bar counts: a body, a verdict, a norm, a trefwoord. */
  label: string;
  /** Said beside the label in small: "oudere norm", "openbaar: het WIJ-team". */
  note: string | null;
  value: number;
  /** The dossiers behind the number and where the link goes; `null` for none (a zero). */
  href: string | null;
  /** The label the list shows for it ("Gegrond, 2025"). */
  origin: string;
  dossiers: number;
  small: boolean;
  /** 0 for a body or current norm, 1 for a partner or older norm beneath it. */
  depth: 0 | 1;
  /** A second number beside the first ("3 gegrond"), with its own dossiers. */
  extra: { value: number; text: string; href: string | null; origin: string; dossiers: number } | null;
}

/** The link to exactly these dossiers, or `null` when there are none (a zero opens nothing). */
export function cellHref(dossiers: number[], origin: string): string | null {
  return dossiers.length > 0 ? dossiersHref(dossiers, origin) : null;
}

/** The dossiers of `a` that are also in `b`, in the order of `a`. */
export function intersect(a: number[], b: number[]): number[] {
  const inB = new Set(b);
  return a.filter((id) => inB.has(id));
}

/** The dossiers with at least one point judged gegrond. */
export function gegrondDossiers(s: Signals): number[] {
  return s.verdicts.find((v) => v.verdict === 'gegrond')?.dossiers ?? [];
}

/** The dossiers with at least one complaint point, in the order of the signals. */
export function dossiersWithPoints(s: Signals): number[] {
  const withPoints = new Set(s.verdicts.flatMap((v) => v.dossiers));
  return s.dossiers.filter((id) => withPoints.has(id));
}

function row(key: string, name: string, value: number, dossiers: number[], small: boolean, origin: string, depth: 0 | 1 = 0): BarRow {
  return { key, label: name, note: null, value, href: cellHref(dossiers, origin), origin, dossiers: dossiers.length, small, depth, extra: null };
}

/** Per body, by dossiers, with its gegrond points beside; its partners beneath it. */
export function bodyRows(s: Signals, period: string): BarRow[] {
  const gegrond = gegrondDossiers(s);
  const withGegrond = (name: string, points: number, dossiers: number[]) => {
    const ids = intersect(dossiers, gegrond);
    const origin = t('signals.label.gegrond', { name, period });
    return { value: points, text: t('signals.gegrondBeside', { n: points }), href: cellHref(ids, origin), origin, dossiers: ids.length };
  };
  return s.bodies.flatMap((b, i) => {
    const body = row(`b${i}`, b.name, b.dossiers.length, b.dossiers, b.small, t('signals.label.cell', { name: b.name, period }));
    body.extra = withGegrond(b.name, b.pointsGegrond, b.dossiers);
    const partners = b.partners.map((p, j) => {
      const partner = row(`b${i}p${j}`, p.name, p.dossiers.length, p.dossiers, p.small, t('signals.label.cell', { name: p.name, period }), 1);
      partner.note = p.publicName && p.publicName !== p.name ? t('signals.publicAs', { name: p.publicName }) : null;
      partner.extra = withGegrond(p.name, p.pointsGegrond, p.dossiers);
      return partner;
    });
    return [body, ...partners];
  });
}

/** Per verdict, by complaint points; every verdict, in the vocabulary's order. */
export function verdictRows(s: Signals, period: string): BarRow[] {
  return s.verdicts.map((v) => {
    const name = label('verdict', v.verdict);
    return row(`v-${v.verdict}`, name, v.points, v.dossiers, v.small, t('signals.label.cell', { name, period }));
  });
}

function normRow(n: NormCell, period: string, depth: 0 | 1): BarRow {
  const r = row(`n-${n.code}-${depth}`, n.name, n.points, n.dossiers, n.small, t('signals.label.norm', { name: n.name, period }), depth);
  if (!n.current) r.note = t('signals.olderNorm');
  return r;
}

/** Per current norm, by complaint points, with the older norms counted in beneath it. */
export function normRows(s: Signals, period: string): BarRow[] {
  return s.norms.flatMap((n) => [normRow(n, period, 0), ...n.older.map((o) => normRow(o, period, 1))]);
}

/** Per norm as it was judged, older norms on their own. */
export function judgedNormRows(s: Signals, period: string): BarRow[] {
  return s.judgedNorms.map((n) => normRow(n, period, 0));
}

/** Per trefwoord, by dossiers. */
export function keywordRows(s: Signals, period: string): BarRow[] {
  return s.keywords.map((k, i) => row(`k${i}`, k.keyword, k.dossiers.length, k.dossiers, k.small, t('signals.label.keyword', { name: k.keyword, period })));
}

/** Whether any count on the screen is marked small, so the legend is needed. */
export function hasSmall(s: Signals): boolean {
  const cells = [...s.verdicts, ...s.bodies, ...s.bodies.flatMap((b) => b.partners), ...s.norms, ...s.judgedNorms, ...s.norms.flatMap((n) => n.older), ...s.keywords, ...s.quarters];
  return cells.some((c) => c.small);
}
