// How many files one entry holds of each kind: photos for its page and slides, and the evidence
// an assessor reads. Past that a form would be a dump, and the entry's page megabytes long.
export const MAX_FILES = { photo: 10, evidence: 20 } as const;
