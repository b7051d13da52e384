import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, null, 0)).toBe("unknown");
  });

  it("takes the entry the trusted proxies appended, never one the client wrote", () => {
    // The client wrote "1.1.1.1"; the one proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress("10.0.0.3", "1.1.1.1, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    // A chain shorter than the trusted hops: its first entry.
    expect(clientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    // No header behind a proxy: the socket's peer.
    expect(clientAddress("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
  });
});
