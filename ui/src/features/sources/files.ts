// Reading a chosen or dropped file in the web view, with the size limit checked first so a
// 200 MB file is refused before it is read into memory.
export const MAX_BYTES = 100 * 1024 * 1024;

export function tooLargeMb(file: { size: number }): number | null {
  return file.size > MAX_BYTES ? Math.round(file.size / (1024 * 1024)) : null;
}

export async function readBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function isCsv(name: string): boolean {
  return /\.(csv|tsv)$/i.test(name);
}
