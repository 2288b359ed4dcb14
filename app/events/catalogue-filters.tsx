import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CatalogueFilters } from "~/events/events.server.ts";

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
      <TypeField id="filter-type" value={filters.type} types={options.types} />
      <TopicField id="filter-topic" value={filters.topic} pillars={options.pillars} />
      <LanguageField id="filter-language" value={filters.language} languages={options.languages} />
      <div className="filter-actions">
        <button type="submit">{t("catalogue.apply")}</button>
        <Link to={filters.when === "past" ? "/events?when=past" : "/events"}>{t("catalogue.clearFilters")}</Link>
      </div>
    </Form>
  );
}

// The type, topic and language choices, shared by the event catalogue and the recordings library.

export function TypeField({ id, value, types }: { id: string; value?: string; types: Options["types"] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("catalogue.type")}</label>
      <select id={id} name="type" defaultValue={value ?? ""}>
        <option value="">{t("catalogue.anyType")}</option>
        {types.map((type) => (
          <option key={type} value={type}>
            {t(`eventType.${type}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TopicField({ id, value, pillars }: { id: string; value?: string; pillars: Options["pillars"] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("catalogue.topic")}</label>
      <select id={id} name="topic" defaultValue={value ?? ""}>
        <option value="">{t("catalogue.anyTopic")}</option>
        {pillars.map((pillar) => (
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
  );
}

export function LanguageField({ id, value, languages }: { id: string; value?: string; languages: Options["languages"] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("catalogue.language")}</label>
      <select id={id} name="language" defaultValue={value ?? ""}>
        <option value="">{t("catalogue.anyLanguage")}</option>
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
