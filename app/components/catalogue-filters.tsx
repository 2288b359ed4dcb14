import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CatalogueFilters } from "~/models/events.server.ts";

type Options = {
  pillars: { slug: string; title: string; number: number; children: { slug: string; title: string; number: number }[] }[];
  languages: { code: string; name: string; nativeName: string }[];
  types: readonly string[];
};

/** A plain GET form: every filtered view has its own URL and works without JavaScript. */
export function CatalogueFilterForm({ filters, options }: { filters: CatalogueFilters; options: Options }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/events" className="filters" role="search" aria-label={t("catalogue.filtersLabel")}>
      {filters.when === "past" ? <input type="hidden" name="when" value="past" /> : null}
      <div className="field field-wide">
        <label htmlFor="filter-q">{t("catalogue.search")}</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} placeholder={t("catalogue.searchPlaceholder")} />
      </div>
      <div className="field">
        <label htmlFor="filter-type">{t("catalogue.type")}</label>
        <select id="filter-type" name="type" defaultValue={filters.type ?? ""}>
          <option value="">{t("catalogue.anyType")}</option>
          {options.types.map((type) => (
            <option key={type} value={type}>
              {t(`eventType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-topic">{t("catalogue.topic")}</label>
        <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
          <option value="">{t("catalogue.anyTopic")}</option>
          {options.pillars.map((pillar) => (
            <optgroup key={pillar.slug} label={t("topic.pillar", { number: pillar.number })}>
              <option value={pillar.slug}>{t("catalogue.wholePillar", { number: pillar.number, title: pillar.title })}</option>
              {pillar.children.map((standard) => (
                <option key={standard.slug} value={standard.slug}>
                  {t("topic.standardTitle", { number: standard.number, title: standard.title })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-language">{t("catalogue.language")}</label>
        <select id="filter-language" name="language" defaultValue={filters.language ?? ""}>
          <option value="">{t("catalogue.anyLanguage")}</option>
          {options.languages.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.nativeName}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit">{t("catalogue.apply")}</button>
        <Link to={filters.when === "past" ? "/events?when=past" : "/events"}>{t("catalogue.clearFilters")}</Link>
      </div>
    </Form>
  );
}
