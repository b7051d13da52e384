// What a field-verification team checks on site. PROGRAMME.md: the team (at least one panelist
// and one evaluator) confirms that the innovation runs as the proposal says and asks residents
// about its impact. Each item's text is in the message catalog (stages.check.<code>).
export const FIELD_CHECKLIST = [
  // The innovation is in operation as described, not a pilot that has stopped.
  "berjalan",
  // The evidence attached to the proposal matches documents and records seen on site.
  "bukti",
  // The target group named in the proposal uses the service and benefits from it.
  "sasaran",
  // The results claimed (before and after) can be traced to the agency's own records.
  "hasil",
  // Sustainability arrangements exist: a regulation or decree, an SOP, a budget line, staff.
  "keberlanjutan",
  // The head of agency and the unit's leadership know and support the innovation.
  "dukungan",
  // Residents or service users were heard about the impact.
  "warga",
] as const;
export type FieldCheckItem = (typeof FIELD_CHECKLIST)[number];

/** Photos per report: enough for the site, the service in use and the records seen. */
export const MAX_PHOTOS = 12;
/** Testimony rows a report holds; the form shows the filled ones plus a few blank rows. */
export const MAX_TESTIMONIES = 10;
export const BLANK_TESTIMONY_ROWS = 3;
export const MAX_NOTES = 6000;
export const MAX_TESTIMONY = 2000;
export const PHOTO_TYPES = ["image/jpeg", "image/png"] as const;
export const PHOTO_ACCEPT = { types: PHOTO_TYPES, label: "JPEG, PNG" };
