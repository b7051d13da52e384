// The open API's query parameters. Filters shared with the compliance page come from its schema,
// so a parameter means the same in the page's address and in the API.
import { z } from "zod";
import { fromDigits } from "~/lib/forms";
import {
  agencyTypeParam,
  ComplianceYearSchema,
  nameSearchParam,
  pageParam,
  provinceParam,
} from "~/modules/compliance/schemas";

const perPageParam = (max: number, fallback: number) =>
  z.preprocess(fromDigits, z.number().int().min(1).max(max).default(fallback)).meta({ description: `Items per page, 1 to ${max}. Default ${fallback}.` });

export const AgenciesQuerySchema = z.object({
  q: nameSearchParam,
  type: agencyTypeParam,
  province: provinceParam.meta({
    description: "Province code (two digits): the agencies located in it (its government, regencies, cities and BUMD).",
  }),
  page: pageParam,
  perPage: perPageParam(100, 20),
});

// All 552 regions fit in one page of the largest size.
export const RegionsQuerySchema = z.object({
  province: provinceParam.meta({ description: "Province code (two digits): the province and its regencies and cities." }),
  level: z.enum(["province", "regency"]).optional().meta({ description: "province, or regency (regencies and cities)." }),
  page: pageParam,
  perPage: perPageParam(1000, 100),
});

export const ComplianceApiQuerySchema = ComplianceYearSchema;
