// /wilayah/:code: a province, its regional governments and other agencies, and its newest
// innovations.
import { Link } from "react-router";
import type { Route } from "./+types/province";
import { requestInfo, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { getProvince, type ProvinceAgency } from "~/modules/catalogue/get-province.server";
import { InnovationCardList } from "~/modules/catalogue/ui/innovation-card";
import { previewTags } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const province = await getProvince(db, params.code);
  if (!province) throw notFound();
  const name = province.province.name;
  return {
    province,
    title: t("catalogue.province.pageTitle", { name }),
    preview: { title: name, description: t("catalogue.province.description", { name }), url: `${env.publicUrl}/wilayah/${province.province.code}` },
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.title) : [{ title: "Lumbung" }]);

function AgencyTable({ id, title, agencies }: { id: string; title: string; agencies: ProvinceAgency[] }) {
  const t = useT();
  const { locale } = useRoot();
  if (!agencies.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <TableScroll labelledBy={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("catalogue.province.agency")}</th>
              <th scope="col">{t("catalogue.province.type")}</th>
              <th scope="col" className="num">{t("catalogue.province.count")}</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <th scope="row"><Link to={`/instansi/${a.slug}`}>{a.name}</Link></th>
                <td>{t(`agencyType.${a.type}`)}</td>
                <td className="num">{formatNumber(locale, a.innovationCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export default function Province({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { province: p } = loaderData;
  return (
    <>
      <p className="kicker">{t("catalogue.province.kicker")}</p>
      <h1>{p.province.name}</h1>
      <p>
        <strong>{t("catalogue.province.total", { count: formatNumber(locale, p.total) })}</strong>
        {" · "}
        {t("catalogue.province.zone", { zone: t(`time.zone.${p.province.timeZone}`) })}
      </p>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t("catalogue.province.recent")}</h2>
        {p.recent.length ? <InnovationCardList cards={p.recent} /> : <p>{t("catalogue.province.none")}</p>}
        {p.total > 0 ? (
          <p><Link to={`/inovasi?province=${p.province.code}`}>{t("catalogue.province.all")}</Link></p>
        ) : null}
      </section>
      <AgencyTable id="governments-title" title={t("catalogue.province.governments")} agencies={p.governments} />
      <AgencyTable id="others-title" title={t("catalogue.province.others")} agencies={p.others} />
    </>
  );
}
