// The Rapport screen's bookkeeping: versions of one kind with their numbers, and the name the
// save dialog proposes for a PDF.
import type { ReportKind } from '../../lib/bindings/ReportKind';
import type { ReportVersion } from '../../lib/bindings/ReportVersion';

export interface NumberedVersion {
  version: ReportVersion;
  /** 1 for the oldest version of its kind. */
  number: number;
}

/** The versions of one kind, newest first, numbered from the oldest. */
export function versionsOfKind(all: ReportVersion[], kind: ReportKind): NumberedVersion[] {
  const ofKind = all.filter((v) => v.kind === kind).sort((a, b) => a.id - b.id);
  return ofKind.map((version, i) => ({ version, number: i + 1 })).reverse();
}

/** A file name for the PDF: reference, kind and version, safe on every file system. */
export function exportFileName(reference: string, kind: ReportKind, anonymous: boolean): string {
  const safe = reference.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const kindPart = kind.replace(/_/g, '-');
  return `${safe}-${kindPart}${anonymous ? '-openbaar' : '-vertrouwelijk'}.pdf`;
}

/** A size for people: `81 kB`, `1,2 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** An RFC 3339 moment as local Dutch day and time: `26-11-2026 10:14`. */
export { formatMoment } from '../../lib/dates';
