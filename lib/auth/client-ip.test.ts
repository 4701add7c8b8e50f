import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-ip";

const headers = ({ xff, peer }: { xff?: string; peer?: string }) => {
  const result = new Headers();
  if (xff !== undefined) result.set("x-forwarded-for", xff);
  if (peer !== undefined) result.set(PEER_ADDRESS_HEADER, peer);
  return result;
};

describe("clientAddress", () => {
  it("with no trusted proxy, counts only the socket's address, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(headers({ peer: "198.51.100.4" }), 0)).toBe("198.51.100.4");
    expect(clientAddress(headers({ peer: "198.51.100.4", xff: "203.0.113.7" }), 0)).toBe("198.51.100.4");
    expect(clientAddress(headers({ peer: "198.51.100.4", xff: "1.1.1.1, 2.2.2.2, 3.3.3.3" }), 0)).toBe("198.51.100.4");
  });

  it("35 made-up X-Forwarded-For addresses from one socket are one client", () => {
    const seen = new Set(
      Array.from({ length: 35 }, (_, i) => clientAddress(headers({ peer: "198.51.100.4", xff: `10.0.0.${i}` }), 0)),
    );
    expect([...seen]).toEqual(["198.51.100.4"]);
  });

  it("with N trusted proxies, takes the Nth entry from the right, ignoring what the visitor prepended", () => {
    expect(clientAddress(headers({ peer: "10.0.0.2", xff: "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers({ peer: "10.0.0.3", xff: "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
    expect(clientAddress(headers({ peer: "10.0.0.3", xff: "203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
  });

  it("uses the socket's address when the chain is shorter than the proxies it should have passed", () => {
    expect(clientAddress(headers({ peer: "198.51.100.4" }), 1)).toBe("198.51.100.4");
    expect(clientAddress(headers({ peer: "198.51.100.4", xff: "203.0.113.7" }), 2)).toBe("198.51.100.4");
  });

  it("never fails on missing or empty headers", () => {
    expect(clientAddress(headers({}), 0)).toBe("unknown");
    expect(clientAddress(headers({ xff: " , " }), 1)).toBe("unknown");
    expect(clientAddress(headers({ peer: " " }), 0)).toBe("unknown");
  });
});
