/** A module's catalog: the English side must carry exactly the Indonesian side's keys. */
export function defineMessages<T extends Record<string, string>>(m: {
  id: T;
  en: { [K in keyof T]: string };
}) {
  return m;
}
