// The query of the compliance page, its CSV export and GET /api/v1/compliance: one schema for
// all three, and the source of the OpenAPI parameter descriptions. Blank parameters are dropped
// before parsing (see queryToObject), so no field needs to treat "" as missing.
import { z } from "zod";
import { fromDigits } from "~/lib/forms";
import { AGENCY_TYPES } from "~/modules/innovations/vocab";
import { FIRST_YEAR, jakartaYear } from "./year";

/** A province code of the Ministry of Home Affairs: two digits, e.g. "33" (Jawa Tengah). */
export const PROVINCE_CODE = /^\d{2}$/;

export const yearParam = z.coerce
  .number({ error: "compliance.errors.year" })
  .int({ error: "compliance.errors.year" })
  .min(FIRST_YEAR, { error: "compliance.errors.year" })
  // Checked at parse time, not when the schema is built: the server outlives a new year.
  .refine((y) => y <= jakartaYear(new Date()), { error: "compliance.errors.year" })
  .default(() => jakartaYear(new Date()))
  .meta({ description: `The reporting year (Jakarta calendar), from ${FIRST_YEAR} to the current year. Default: the current year.` });

export const agencyTypeParam = z
  .enum(AGENCY_TYPES, { error: "field.choice" })
  .optional()
  .meta({ description: "Agency type." });

export const provinceParam = z
  .string({ error: "compliance.errors.province" })
  .regex(PROVINCE_CODE, { error: "compliance.errors.province" })
  .optional()
  .meta({ description: "Province code (Ministry of Home Affairs), two digits, e.g. 33 for Jawa Tengah." });

/** The longest name search, and the furthest page of a list (the API's messages state both). */
export const MAX_NAME_SEARCH = 100;
export const MAX_PAGE = 100_000;

export const nameSearchParam = z
  .string({ error: "field.invalid" })
  .trim()
  .max(MAX_NAME_SEARCH, { error: "field.tooLong" })
  .optional()
  .meta({ description: "Part of the agency's name or short name, current or former (\"Kominfo\" finds Komdigi), case-insensitive." });

export const pageParam = z
  .preprocess(
    fromDigits,
    z
      .number({ error: "compliance.errors.page" })
      .int({ error: "compliance.errors.page" })
      .min(1, { error: "compliance.errors.page" })
      .max(MAX_PAGE, { error: "compliance.errors.page" })
      .default(1),
  )
  .meta({ description: "Page number, from 1." });

/** The year alone: what the figures depend on. */
export const ComplianceYearSchema = z.object({ year: yearParam });

/** The year and the filters of the list of agencies that have not met the duty. */
export const ComplianceQuerySchema = z.object({
  year: yearParam,
  type: agencyTypeParam,
  province: provinceParam,
  q: nameSearchParam,
  page: pageParam,
});

export type ComplianceQuery = z.output<typeof ComplianceQuerySchema>;
export type ComplianceFilters = Omit<ComplianceQuery, "page">;
