// Previous / next links with the page position; plain links, so they work without JavaScript
// and every page has its own shareable address.
import { Link } from "react-router";
import { useT } from "~/lib/use-i18n";

export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("common.pagination")}>
      {page > 1 ? (
        <Link to={href(Math.min(page - 1, pages))} rel="prev">
          {t("common.previous")}
        </Link>
      ) : null}
      <span>{t("common.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}
