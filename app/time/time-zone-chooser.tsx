import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ZoneGroup } from "~/time/time-zone-choices.server.ts";

/** Accents, case and apostrophes do not matter when searching: "geneve" finds Genève, "coxs" Cox's Bazar. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/['’_]/g, "").toLowerCase();
}

type Props = {
  id: string;
  name: string;
  groups: ZoneGroup[];
  defaultValue: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "aria-required"?: boolean;
  /**
   * The groups are a short list (the registration form on a public page): offer the full list,
   * fetched from /settings when JavaScript runs, else /settings itself, coming back to `returnTo`.
   */
  more?: { returnTo: string };
};

/**
 * A time-zone choice by place: a plain <select> with one <optgroup> per region, which works
 * without JavaScript (and its type-ahead finds a city by its first letters). With JavaScript a
 * search box filters it by any part of a city, country or zone name.
 */
export function TimeZoneChooser(props: Props) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ zoneGroups: ZoneGroup[] }>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(props.defaultValue);
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const statusId = useId();

  const full = fetcher.data?.zoneGroups;
  const groups = useMemo(() => {
    // The short list's first group (the viewer's zone) stays first.
    const base = full ? [...props.groups.filter((g) => g.id === "current"), ...full.filter((g) => g.id !== "current")] : props.groups;
    // A zone chosen from the full list comes back in a short one after a failed submission:
    // keep it rather than silently show another.
    const known = base.some((g) => g.options.some((o) => o.value === props.defaultValue));
    if (known || !props.defaultValue) return base;
    return [{ id: "chosen", label: t("timeZoneChooser.current"), options: [{ value: props.defaultValue, label: props.defaultValue.replaceAll("_", " ") }] }, ...base];
  }, [full, props.groups, props.defaultValue, t]);
  const searchable = hydrated && (!props.more || Boolean(full));
  // The person asked for the full list: take them to its search box.
  useEffect(() => {
    if (full) searchRef.current?.focus();
  }, [full]);

  const visible = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return groups;
    return groups
      .map((g) => ({ ...g, options: g.options.filter((o) => fold(`${o.label} ${o.value} ${o.keywords ?? ""}`).includes(q)) }))
      .filter((g) => g.options.length > 0);
  }, [groups, query]);
  const matches = useMemo(() => new Set(visible.flatMap((g) => g.options.map((o) => o.value))).size, [visible]);

  // What the select shows is what is sent: when the search hides the chosen zone, the first
  // match becomes the choice.
  useEffect(() => {
    const values = visible.flatMap((g) => g.options.map((o) => o.value));
    if (values.length && !values.includes(value)) setValue(values[0]!);
  }, [visible, value]);

  return (
    <div className="zone-chooser">
      <select
        id={props.id}
        name={props.name}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={props["aria-describedby"]}
        aria-invalid={props["aria-invalid"] || undefined}
        aria-required={props["aria-required"] || undefined}
      >
        {visible.length === 0 ? <option value={value}>{t("timeZoneChooser.noMatch")}</option> : null}
        {visible.map((group) => (
          <optgroup key={group.id} label={group.label}>
            {group.options.map((option) => (
              <option key={`${group.id}-${option.value}-${option.label}`} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {searchable ? (
        <div className="zone-search">
          <label htmlFor={searchId}>{t("timeZoneChooser.search")}</label>
          <input
            id={searchId}
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            aria-controls={props.id}
            aria-describedby={statusId}
          />
          <p id={statusId} className="hint" aria-live="polite">
            {query.trim() ? (matches ? t("timeZoneChooser.matches", { count: matches }) : t("timeZoneChooser.noMatch")) : ""}
          </p>
        </div>
      ) : null}
      {props.more && !full ? (
        <p className="hint">
          <a
            href={`/settings?returnTo=${encodeURIComponent(props.more.returnTo)}`}
            onClick={(e) => {
              // With JavaScript the full list comes here, and nothing typed in the form is lost.
              e.preventDefault();
              fetcher.load("/settings");
            }}
          >
            {fetcher.state === "loading" ? t("common.loading") : t("timeZoneChooser.more")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
