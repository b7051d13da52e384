/**
 * A module's catalog, Indonesian: it defines the keys. The English side lives in a file of its
 * own beside it (`messages.en.ts`, typed `Translation<typeof …>`), so a browser loads only the
 * language it reads (see catalog.id.ts and catalog.en.ts).
 */
export function defineMessages<T extends Record<string, string>>(m: T): T {
  return m;
}

/** Another language's side of a catalog: exactly the same keys. */
export type Translation<T> = { [K in keyof T]: string };
