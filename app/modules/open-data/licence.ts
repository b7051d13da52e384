// The licence the open-data files are offered under, named on the open-data page. Attribution
// only, so that other portals, the press and researchers may reuse and republish the data; a
// government that publishes under another licence changes it here.
export const OPEN_DATA_LICENCE = {
  name: "Creative Commons Attribution 4.0 (CC BY 4.0)",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;
