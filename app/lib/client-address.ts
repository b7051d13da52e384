/**
 * The address a request came from. With no trusted proxy it is the socket's peer: an
 * X-Forwarded-For header is the client's own writing and proves nothing. Behind `hops` trusted
 * proxies, each of which appends the address it received from, the client is the entry that
 * many places from the right; entries further left were written by the client and are ignored.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | null | undefined, hops: number): string {
  const socket = peer || "unknown";
  if (hops <= 0 || !forwardedFor) return socket;
  const chain = forwardedFor
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  if (!chain.length) return socket;
  // The socket's peer is the last proxy; the chain holds what the proxies saw before it.
  return chain[Math.max(0, chain.length - hops)].slice(0, 100);
}
