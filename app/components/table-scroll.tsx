import type { ReactNode } from "react";

/**
 * A wide table's scroll box on a narrow screen: a region a keyboard can focus and scroll
 * (WCAG 2.1.1; axe's scrollable-region-focusable), named by the heading or caption that names
 * its table, so a screen reader announces what it holds.
 */
export function TableScroll({ labelledBy, className, children }: { labelledBy: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
