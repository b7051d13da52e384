// Mail delivery's rules, shared by the sender (deliver.server.ts) and the outbox page.

/** What became of a mail: waiting, being handed over, accepted, refused for good, or too old. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "expired"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// A mail the server turned away for now (busy, greylisting, the connection dropped) is tried
// again after these waits: soon at first, then up to a day apart, about two days in all, as mail
// servers themselves keep trying. After the last, it counts as failed and the outbox says why.
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 180, 360, 720, 1440] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

// Mail waiting longer than this is not sent at all: a reminder, an invitation or a reset link
// days late misleads more than it helps. It matters when a server that kept its mail in the
// outbox (no SMTP_URL) is given a mail server: months of old mail must not go out at once.
export const MAX_AGE_HOURS = 72;
