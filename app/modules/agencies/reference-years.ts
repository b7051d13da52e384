import type { AgencyType } from "~/modules/innovations/vocab";
import { NATIONAL_AGENCIES } from "./reference/national-agencies";
import { PAPUA_SPLIT, slugify } from "./regions";

export type DutyYears = { activeFrom: number | null; activeUntil: number | null };

/**
 * The years the reference data gives an agency, as seedReference loads them: a regional
 * government of the official region list owes the duty every year, except the Papuan provinces
 * formed in 2022 (from 2023); a ministry or national agency has the years of the reference list.
 * Null for an agency the reference data does not hold (BUMN, BUMD, or a body added by hand).
 */
export function referenceYears(agency: { type: AgencyType; regionCode: string | null; slug: string }): DutyYears | null {
  switch (agency.type) {
    case "provinsi":
      return { activeFrom: agency.regionCode && PAPUA_SPLIT.from[agency.regionCode] ? PAPUA_SPLIT.firstYear : null, activeUntil: null };
    case "kabupaten":
    case "kota":
      return agency.regionCode ? { activeFrom: null, activeUntil: null } : null;
    case "kementerian":
    case "lembaga": {
      const listed = NATIONAL_AGENCIES.find((a) => slugify(a.shortName) === agency.slug);
      return listed ? { activeFrom: listed.activeFrom ?? null, activeUntil: listed.activeUntil ?? null } : null;
    }
    default:
      return null;
  }
}
