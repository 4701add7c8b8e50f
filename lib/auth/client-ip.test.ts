import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-ip";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("uses the socket address Next records when there is no proxy", () => {
    expect(clientAddress(headers("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("takes the entry appended by the outermost trusted proxy, ignoring client-supplied ones", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("never fails on a missing or empty header", () => {
    expect(clientAddress(headers(), 0)).toBe("unknown");
    expect(clientAddress(headers(" , "), 1)).toBe("unknown");
  });
});
