import { Form } from "react-router";
import type { Route } from "./+types/home";
import { useT } from "~/lib/use-i18n";

export const meta: Route.MetaFunction = () => [{ title: "Lumbung — Katalog Inovasi Pelayanan Publik" }];

export default function Home() {
  const t = useT();
  return (
    <>
      <h1>{t("app.tagline")}</h1>
      <Form method="get" action="/inovasi" role="search">
        <label htmlFor="home-q">{t("common.search")}</label>
        <input id="home-q" name="q" type="search" />
        <button type="submit" className="button">{t("common.search")}</button>
      </Form>
    </>
  );
}
