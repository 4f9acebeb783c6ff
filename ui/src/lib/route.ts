// The places of the app, read from the URL hash.
export type Route = { name: 'dossiers' } | { name: 'dossier'; id: number } | { name: 'security' };

export const SECURITY_HREF = '#/beveiliging';

export function parseRoute(hash: string): Route {
  if (hash === SECURITY_HREF) return { name: 'security' };
  const m = /^#\/dossier\/(\d+)$/.exec(hash);
  return m ? { name: 'dossier', id: Number(m[1]) } : { name: 'dossiers' };
}

export function dossierHref(id: number): string {
  return `#/dossier/${id}`;
}
