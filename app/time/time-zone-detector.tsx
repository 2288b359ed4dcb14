import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Detects the browser's time zone once and, when the server does not know it yet,
 * remembers it in the `tz` cookie and reloads the data so every time on the page
 * is shown in the viewer's zone. A zone chosen by hand on /settings is kept.
 */
export function TimeZoneDetector({ known }: { known: string | null }) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (known) return;
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      return;
    }
    if (!zone) return;
    document.cookie = `tz=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    revalidator.revalidate();
    // Run once per page load: revalidating changes `known` and ends the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known]);
  return null;
}
