import { AppError } from "~/lib/errors";
import type { CompetitionConfig, Stage } from "~/modules/competitions/config";
import type { StageKind } from "~/modules/competitions/config-values";

/** The stage with this code when it is of this kind; any other stage has no such page (404). */
export function stageOfKind(config: CompetitionConfig, code: string, kind: Extract<StageKind, "presentation" | "field_verification">): Stage {
  const stage = config.stages.find((s) => s.code === code);
  if (!stage || stage.kind !== kind) throw new AppError("not-found", "errors.notFound");
  return stage;
}
