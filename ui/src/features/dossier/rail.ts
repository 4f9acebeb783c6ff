// The left rail of a dossier, in the order an investigation runs (DESIGN.md §2a).
import type { MessageKey } from '../../lib/i18n/messages';

export interface RailItem {
  id: 'overview' | 'sources' | 'sideBySide' | 'conflicts' | 'assessment' | 'report' | 'log';
  label: MessageKey;
}

export const RAIL: RailItem[] = [
  { id: 'overview', label: 'rail.overview' },
  { id: 'sources', label: 'rail.sources' },
  { id: 'sideBySide', label: 'rail.sideBySide' },
  { id: 'conflicts', label: 'rail.conflicts' },
  { id: 'assessment', label: 'rail.assessment' },
  { id: 'report', label: 'rail.report' },
  { id: 'log', label: 'rail.log' },
];
