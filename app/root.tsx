import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  Form,
  Link,
  NavLink,
} from "react-router";
import type { Route } from "./+types/root";
import "./styles.css";
import { maskToken, requestMiddleware } from "~/lib/request.server";
import { requestInfo, services } from "~/lib/context.server";
import { useRoot, useT, type RootData } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";

export const middleware: Route.MiddlewareFunction[] = [requestMiddleware];

export async function loader({ context }: Route.LoaderArgs): Promise<RootData> {
  const info = requestInfo(context);
  const { env } = services(context);
  return {
    locale: info.locale,
    zone: info.zone,
    // Masked afresh for each page (pages are compressed; see maskToken).
    csrfToken: maskToken(info.csrfToken),
    demo: env.demo,
    user:
      info.actor.kind === "user"
        ? { name: info.actor.name, role: info.actor.role, agencyName: info.agencyName }
        : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

function Header() {
  const t = useT();
  const { user, locale, zone } = useRoot();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">▣</span> {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <NavLink to="/inovasi">{t("nav.catalogue")}</NavLink>
          <NavLink to="/instansi">{t("nav.agencies")}</NavLink>
          <NavLink to="/kepatuhan">{t("nav.compliance")}</NavLink>
          <NavLink to="/kompetisi">{t("nav.competitions")}</NavLink>
          <NavLink to="/acara">{t("events.title")}</NavLink>
          {user ? <NavLink to="/kelola">{t("nav.manage")}</NavLink> : null}
        </nav>
        <div className="header-tools">
          {/* A whole new page: the browser holds only the texts of the language it shows. */}
          <Form method="post" action="/preferensi" className="inline-form" reloadDocument>
            <CsrfField />
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="lang" value={locale === "id" ? "en" : "id"} />
            <button type="submit" className="link-button" lang={locale === "id" ? "en" : "id"}>
              {t("nav.switchTo")}
            </button>
          </Form>
          <Form method="post" action="/preferensi" className="inline-form zone-form">
            <CsrfField />
            <input type="hidden" name="redirectTo" value={here} />
            <label htmlFor="zone-select" className="visually-hidden">{t("nav.zone")}</label>
            <select id="zone-select" name="zone" defaultValue={zone}>
              <option value="WIB">WIB</option>
              <option value="WITA">WITA</option>
              <option value="WIT">WIT</option>
            </select>
            <button type="submit" className="link-button">{t("common.save")}</button>
          </Form>
          {user ? (
            <Form method="post" action="/keluar" className="inline-form">
              <CsrfField />
              <span className="user-name">{user.name}</span>{" "}
              <button type="submit" className="link-button">{t("nav.logout")}</button>
            </Form>
          ) : (
            <Link to="/masuk">{t("nav.login")}</Link>
          )}
        </div>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRoot();
  const t = useT();
  return (
    <html lang={root.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">{t("app.skipToContent")}</a>
        {/* A landmark of its own, so every part of the page sits in one. */}
        {root.demo ? (
          <aside className="demo-banner" aria-label={t("app.demoLabel")}>
            <p>{t("app.demoBanner")}</p>
          </aside>
        ) : null}
        <Header />
        <main id="main" className="wrap" tabIndex={-1}>{children}</main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t("footer.about")}</p>
            <p>
              {t("footer.openData")} <a href="/data-terbuka">{t("opendata.files")}</a> · <a href="/api/v1/openapi.json">{t("nav.api")}</a>
            </p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Sign in, then come back here: a link from an email to a work page must survive the sign-in. */
const loginHref = (here: string) => (here.startsWith("/masuk") ? "/masuk" : `/masuk?${new URLSearchParams({ redirectTo: here })}`);

export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const body = isRouteErrorResponse(error) ? (error.data as { error?: { reason?: string } } | undefined) : undefined;
  const heading =
    status === 404
      ? t("errors.notFound")
      : status === 401
        ? t("errors.unauthenticated")
        : status < 500
          ? t(body?.error?.reason ?? "errors.forbidden")
          : t("errors.server");
  return (
    <section className="error-page">
      {/* React moves the title into <head>: error pages are named like any other page. */}
      <title>{`${heading} · Lumbung`}</title>
      <h1>{heading}</h1>
      {status === 404 ? <p>{t("errors.notFoundBody")}</p> : null}
      {status >= 500 ? <p>{t("errors.serverBody")}</p> : null}
      <p>{status === 401 ? <Link to={loginHref(location.pathname + location.search)}>{t("nav.login")}</Link> : <Link to="/">{t("nav.home")}</Link>}</p>
    </section>
  );
}
