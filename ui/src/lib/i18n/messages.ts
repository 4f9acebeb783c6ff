// The one message catalogue of the UI: Dutch first (nl.ts), English second (en.ts). Every
// user-facing string comes from here.
export { nl, type MessageKey } from './nl';
export { en } from './en';
