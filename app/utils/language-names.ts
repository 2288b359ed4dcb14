// Intl.DisplayNames is costly to create; a page names a handful of languages many times.
const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the reader's language ("French", "français", "الفرنسية"). */
export function languageName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    try {
      names = new Intl.DisplayNames([locale], { type: "language" });
    } catch {
      names = new Intl.DisplayNames(["en"], { type: "language" });
    }
    if (displayNames.size < 50) displayNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
