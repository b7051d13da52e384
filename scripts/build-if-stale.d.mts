export const buildDir: string;
export const buildEntry: string;
export function buildIfStale(opts?: { quiet?: boolean }): boolean;
