import type { MouseEvent, ReactNode } from "react";

/**
 * A link from an error summary to the field it is about. Without JavaScript it is a plain
 * fragment link. With JavaScript it does what a fragment link should but does not reliably do:
 * browsers scroll the field to the very top of the window, hiding its label, and the router
 * takes the hash change for a navigation whose scroll restoration can carry the field out of
 * view again. Here the field gets focus and its label (for a radio button, the group's legend)
 * is scrolled into view with it.
 */
export function FieldLink({ fieldId, children }: { fieldId: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(fieldId);
    if (!field || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const isRadio = field instanceof HTMLInputElement && field.type === "radio";
    const label = (isRadio ? field.closest("fieldset")?.querySelector("legend") : null) ?? (field as HTMLInputElement).labels?.[0] ?? field;
    label.scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
    const rect = field.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) field.scrollIntoView({ block: "center" });
  };
  return (
    <a href={`#${fieldId}`} onClick={onClick}>
      {children}
    </a>
  );
}
