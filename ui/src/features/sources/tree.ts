// The Stukken list as a tree: each e-mail followed by the attachments that came with it (and
// theirs), indented one step per level. Sources keep the order they were added in; an
// attachment whose e-mail is not in the list (it cannot be, but a list may be filtered) is
// shown at the top level rather than lost.
import type { SourceSummary } from '../../lib/bindings/SourceSummary';

export interface ListedSource {
  source: SourceSummary;
  depth: number;
}

export function sourceTree(list: SourceSummary[]): ListedSource[] {
  const ids = new Set(list.map((s) => s.id));
  const children = new Map<number, SourceSummary[]>();
  const roots: SourceSummary[] = [];
  for (const s of list) {
    if (s.attachedTo !== null && ids.has(s.attachedTo) && s.attachedTo !== s.id) {
      const siblings = children.get(s.attachedTo) ?? [];
      siblings.push(s);
      children.set(s.attachedTo, siblings);
    } else {
      roots.push(s);
    }
  }
  const out: ListedSource[] = [];
  const seen = new Set<number>();
  const visit = (s: SourceSummary, depth: number) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    out.push({ source: s, depth });
    for (const child of children.get(s.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // A cycle of attachments (a damaged import) still lists every source once.
  for (const s of list) visit(s, 0);
  return out;
}
