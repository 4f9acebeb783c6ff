// The left rail of a dossier, in the order an investigation runs (DESIGN.md §2a). Screens that
// are not built yet are listed but not clickable.
import type { MessageKey } from '../../lib/i18n/messages';

export interface RailItem {
  id: 'overview' | 'sources' | 'sideBySide' | 'conflicts' | 'assessment' | 'report';
  label: MessageKey;
  available: boolean;
}

export const RAIL: RailItem[] = [
  { id: 'overview', label: 'rail.overview', available: true },
  { id: 'sources', label: 'rail.sources', available: true },
  { id: 'sideBySide', label: 'rail.sideBySide', available: true },
  { id: 'conflicts', label: 'rail.conflicts', available: true },
  { id: 'assessment', label: 'rail.assessment', available: true },
  { id: 'report', label: 'rail.report', available: true },
];
