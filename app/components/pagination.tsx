import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          <span aria-hidden="true" className="flip">←</span> {t("pagination.previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("pagination.status", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("pagination.next")} <span aria-hidden="true" className="flip">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
