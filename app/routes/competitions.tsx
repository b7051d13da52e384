// /kompetisi: every announced edition, newest first.
import { Link } from "react-router";
import type { Route } from "./+types/competitions";
import { requestInfo, services } from "~/lib/context.server";
import { translator } from "~/i18n";
import { page } from "~/lib/respond.server";
import { useT } from "~/lib/use-i18n";
import { previewTags } from "~/lib/meta";
import { publicCompetitions } from "~/modules/competitions/public.server";

export const meta: Route.MetaFunction = ({ data }) => (data ? previewTags(data.preview) : []);

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  return {
    list: await publicCompetitions(db),
    preview: { title: t("competitions.publicTitle"), description: t("competitions.publicIntro"), url: `${env.publicUrl}/kompetisi` },
  };
});

export default function Competitions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("competitions.publicTitle")}</h1>
      <p>{t("competitions.publicIntro")}</p>
      {loaderData.list.length ? (
        <ul className="card-list">
          {loaderData.list.map((c) => (
            <li key={c.id} className="card">
              <h2><Link to={`/kompetisi/${c.slug}`}>{c.name}</Link></h2>
              {c.theme ? <p>{c.theme}</p> : null}
              <p className="muted">{c.stageName ? t("competitions.stageNow", { stage: c.stageName }) : t(`competitions.state.${c.state}`)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("competitions.none")}</p>
      )}
    </>
  );
}
