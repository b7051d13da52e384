// Which sections and attachments a proposal of a group answers (the configuration says which
// groups each applies to; none listed means every group).
import type { CompetitionConfig } from "~/modules/competitions/config";

const appliesTo = (groupCode: string) => (x: { groups: string[] }) => !x.groups.length || x.groups.includes(groupCode);

export const sectionsFor = (c: CompetitionConfig, groupCode: string) => c.sections.filter(appliesTo(groupCode));
export const attachmentsFor = (c: CompetitionConfig, groupCode: string) => c.attachments.filter(appliesTo(groupCode));
