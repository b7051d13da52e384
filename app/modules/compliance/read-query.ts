import type { Translate } from "~/i18n";
import { parseWith, type FieldErrors } from "~/lib/forms";
import { ComplianceQuerySchema, type ComplianceQuery } from "./schemas";

/**
 * The page's query, forgiving: a field that does not parse is reported and left at its default,
 * so a hand-edited or stale shared link still shows the figures, with the problem named.
 */
export function readComplianceQuery(input: Record<string, unknown>, t: Translate): { query: ComplianceQuery; errors: FieldErrors } {
  const parsed = parseWith(ComplianceQuerySchema, input, t);
  if (parsed.ok) return { query: parsed.data, errors: {} };
  const rest = { ...input };
  for (const field of Object.keys(parsed.errors)) delete rest[field.split(".")[0]];
  // Every field is optional with a default, so what is left always parses.
  return { query: ComplianceQuerySchema.parse(rest), errors: parsed.errors };
}
