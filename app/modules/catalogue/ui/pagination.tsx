// Previous / next links with the page position; plain links, so they work without JavaScript
// and every page has its own shareable address.
import { Link } from "react-router";
import { useT } from "~/lib/use-i18n";

export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  // Past the last page (an old link, a list that shrank, an edited address) there is no
  // position to show, "page 50 of 12" being false, but the way back to the last page is kept:
  // even a list of one page, which otherwise needs no navigation at all.
  if (page > pages && pages >= 1) {
    return (
      <nav className="pagination" aria-label={t("common.pagination")}>
        <Link to={href(pages)} rel="prev">
          {t("common.previous")}
        </Link>
      </nav>
    );
  }
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("common.pagination")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
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
