// An event as an iCalendar file (RFC 5545), for a participant's calendar: instants in UTC, text
// escaped, lines folded at 75 octets.
const escape = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** A content line folded so that no line exceeds 75 octets, never splitting a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // The first line holds 75 octets; each continuation line starts with a space, so 74 more.
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/**
 * The event's file. A calendar applies a change (a new time, a cancellation) only when its
 * SEQUENCE grows: the seconds between the event's creation and its last change always do.
 */
export function eventIcs(e: { id: number; title: string; description: string; place: string; startsAt: string; endsAt: string; cancelledAt: string | null; createdAt: string; updatedAt: string }, opts: { url: string; host: string }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Lumbung//Acara//ID",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:event-${e.id}@${opts.host}`,
    `DTSTAMP:${stamp(e.updatedAt)}`,
    `SEQUENCE:${Math.max(0, Math.floor((Date.parse(e.updatedAt) - Date.parse(e.createdAt)) / 1000))}`,
    `DTSTART:${stamp(e.startsAt)}`,
    `DTEND:${stamp(e.endsAt)}`,
    `SUMMARY:${escape(e.title)}`,
    `LOCATION:${escape(e.place)}`,
    `DESCRIPTION:${escape(e.description ? `${e.description}\n\n${opts.url}` : opts.url)}`,
    `URL:${opts.url}`,
    `STATUS:${e.cancelledAt ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
