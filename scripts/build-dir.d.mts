export function buildDirName(value?: string): string;
