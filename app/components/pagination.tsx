import { Link, useLocation } from "react-router";
import { useT } from "~/lib/use-i18n";

/** Previous/next links that keep the rest of the query string (shareable URLs, no JavaScript). */
export function Pagination({ page, pages, param = "page" }: { page: number; pages: number; param?: string }) {
  const t = useT();
  const location = useLocation();
  const href = (p: number) => {
    const sp = new URLSearchParams(location.search);
    sp.set(param, String(p));
    return `${location.pathname}?${sp.toString()}`;
  };
  // Past the last page (an old link, a list that shrank, an edited address) there is no
  // position to show, "page 50 of 12" being false, but the way back to the last page is kept:
  // even a list of one page, which otherwise needs no navigation at all.
  if (page > pages && pages >= 1) {
    return (
      <nav aria-label={t("common.pagination")} className="pagination">
        <Link to={href(pages)} rel="prev">← {t("common.previous")}</Link>
      </nav>
    );
  }
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("common.pagination")} className="pagination">
      {page > 1 ? <Link to={href(page - 1)} rel="prev">← {t("common.previous")}</Link> : null}
      <span>{t("common.page", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)} rel="next">{t("common.next")} →</Link> : null}
    </nav>
  );
}
