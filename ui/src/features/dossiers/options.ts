// The choices of the list's filters, taken from the rows themselves (only values that occur),
// each with how many dossiers it would show together with the other filters that are set:
// the count of a choice is what choosing it gives. A chosen value stays listed even at zero,
// so the control still shows what is chosen.
import type { DossierRow } from '../../lib/bindings/DossierRow';
import type { DossierStatus } from '../../lib/bindings/DossierStatus';
import type { Norm } from '../../lib/bindings/Norm';
import type { Verdict } from '../../lib/bindings/Verdict';
import { DOSSIER_STATUSES, VERDICTS } from '../../lib/vocab';
import { matchesState, nameKey } from './filter';
import type { FilterKey, ListState } from './listState';

export interface Choice<T> {
  value: T;
  count: number;
}

/** A body with the partners acting for it, indented beneath it in the control. */
export interface BodyChoice extends Choice<string> {
  partners: Choice<string>[];
}

export interface NormChoice extends Choice<string> {
  name: string;
}

export interface ListOptions {
  statuses: Choice<DossierStatus>[];
  bodies: BodyChoice[];
  /** Partners without a body among the rows (a chosen one that no longer occurs). */
  loosePartners: Choice<string>[];
  years: Choice<number>[];
  /** Current norms first, the older list apart (DOMAIN.md §1c). */
  norms: { current: NormChoice[]; older: NormChoice[] };
  verdicts: Choice<Verdict>[];
  keywords: Choice<string>[];
}

/** Counts per name key, keeping the first spelling met. */
class Names {
  private counts = new Map<string, Choice<string>>();

  add(name: string) {
    const key = nameKey(name);
    if (!key) return;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { value: name.trim(), count: 1 });
  }

  keep(name: string | null) {
    if (name !== null && !this.counts.has(nameKey(name))) this.counts.set(nameKey(name), { value: name, count: 0 });
  }

  get(name: string): Choice<string> | undefined {
    return this.counts.get(nameKey(name));
  }

  /** Most dossiers first, then alphabetically. */
  sorted(): Choice<string>[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nl'));
  }
}

function countValues<T>(rows: DossierRow[], valuesOf: (row: DossierRow) => T[], chosen: T | null): Map<T, number> {
  const counts = new Map<T, number>();
  for (const row of rows) for (const v of new Set(valuesOf(row))) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (chosen !== null && !counts.has(chosen)) counts.set(chosen, 0);
  return counts;
}

function inOrder<T>(order: readonly T[], counts: Map<T, number>): Choice<T>[] {
  return order.filter((v) => counts.has(v)).map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

/**
 * Each partner under the body it acts for (the facets say which); a partner acting for
 * different bodies in different dossiers goes under the one it does so most often.
 */
function bodyChoices(rows: DossierRow[], state: ListState): Pick<ListOptions, 'bodies' | 'loosePartners'> {
  const bodies = new Names();
  const partners = new Names();
  const together = new Map<string, Map<string, number>>();
  for (const row of rows) {
    for (const b of row.facets.bodies) bodies.add(b);
    for (const p of row.facets.partners) {
      partners.add(p.name);
      const shared = together.get(nameKey(p.name)) ?? new Map<string, number>();
      shared.set(nameKey(p.body), (shared.get(nameKey(p.body)) ?? 0) + 1);
      together.set(nameKey(p.name), shared);
    }
  }
  bodies.keep(state.body);
  partners.keep(state.partner);
  const sortedBodies = bodies.sorted();
  const out: BodyChoice[] = sortedBodies.map((b) => ({ ...b, partners: [] }));
  const loosePartners: Choice<string>[] = [];
  for (const partner of partners.sorted()) {
    const shared = [...(together.get(nameKey(partner.value)) ?? new Map<string, number>())];
    // The body it acts for most often; on a tie the one higher in the list.
    shared.sort((a, b) => b[1] - a[1] || sortedBodies.findIndex((x) => nameKey(x.value) === a[0]) - sortedBodies.findIndex((x) => nameKey(x.value) === b[0]));
    const home = shared.length > 0 ? out.find((b) => nameKey(b.value) === shared[0][0]) : undefined;
    if (home) home.partners.push(partner);
    else loosePartners.push(partner);
  }
  return { bodies: out, loosePartners };
}

function normChoices(rows: DossierRow[], state: ListState, catalogue: Map<string, Norm>): ListOptions['norms'] {
  const counts = countValues(rows, (r) => r.facets.norms, state.norm);
  const all: (NormChoice & { current: boolean })[] = [...counts].map(([value, count]) => {
    const norm = catalogue.get(value);
    return { value, count, name: norm?.name ?? value, current: norm?.catalogue === 'behoorlijkheidswijzer' };
  });
  all.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
  const strip = ({ value, count, name }: NormChoice) => ({ value, count, name });
  return { current: all.filter((n) => n.current).map(strip), older: all.filter((n) => !n.current).map(strip) };
}

/** The choices of every filter, counted over the rows that pass the search words and the other filters. */
export function listOptions(rows: DossierRow[], query: string, state: ListState, catalogue: Map<string, Norm>): ListOptions {
  const passing = (...except: FilterKey[]) => rows.filter((row) => matchesState(row, query, state, except));
  const keywords = new Names();
  for (const row of passing('keyword')) {
    const once = new Map(row.dossier.keywords.map((k) => [nameKey(k), k]));
    for (const k of once.values()) keywords.add(k);
  }
  keywords.keep(state.keyword);
  const years = countValues(passing('year'), (r) => [r.facets.year], state.year);
  return {
    statuses: inOrder(DOSSIER_STATUSES, countValues(passing('status'), (r) => [r.dossier.status], state.status)),
    ...bodyChoices(passing('body', 'partner'), state),
    years: [...years].map(([value, count]) => ({ value, count })).sort((a, b) => b.value - a.value),
    norms: normChoices(passing('norm'), state, catalogue),
    verdicts: inOrder(VERDICTS, countValues(passing('verdict'), (r) => r.facets.verdicts, state.verdict)),
    keywords: keywords.sorted(),
  };
}
