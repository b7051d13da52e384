/**
 * Up to this many units, a form lists an agency's units in one select. Beyond it the list is
 * searched by name first: a province's register holds thousands of schools and health centres,
 * and a select of 4,000 names is unusable on a phone and heavy over a slow connection. Fifty is
 * what a reader can still scan on a small screen. A search shows at most this many matches too.
 */
export const UNIT_SELECT_MAX = 50;

/** A search longer than any unit's name matches nothing; it is cut rather than refused. */
export const UNIT_QUERY_MAX = 200;

export type UnitOption = { id: number; name: string };

/**
 * The units a form offers for one agency. `search` false: all of them (a small agency).
 * `search` true: the form shows a search field; `options` are the first matches of `q` by name
 * (none before anything is searched, besides a unit already chosen) and `matched` how many
 * there are in all.
 */
export type UnitChoices = { search: boolean; total: number; q: string; matched: number | null; options: UnitOption[] };
