import { describe, expect, it } from "vitest";
import { checkTarget, isPublicAddress } from "./address";
import { FetchRefusedError } from "./errors";

function refusal(raw: string, allowance?: { port: number }): string {
  try {
    checkTarget(raw, allowance);
    return "allowed";
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefusedError);
    return (error as FetchRefusedError).reason;
  }
}

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "0.0.0.0",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.1",
    "198.18.0.1",
    "240.0.0.1",
    "::",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::7f00:1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fec0::1",
    "ff02::1",
    "64:ff9b::7f00:1",
    "64:ff9b:1::1",
    "2002:7f00:1::1",
    "2001::1",
    "2001:db8::1",
    "100::1",
    "not-an-ip",
    "",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.215.14", "1.1.1.1", "8.8.8.8", "2606:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:1.1.1.1"])(
    "accepts %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe("checkTarget (E1: before any I/O)", () => {
  it.each([
    ["file:///etc/passwd", "scheme"],
    ["gopher://127.0.0.1:70/_x", "scheme"],
    ["ftp://issuer.example/x", "scheme"],
    ["data:text/plain,hello", "scheme"],
    ["http://issuer.example/badge", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["ws://issuer.example/", "scheme"],
    ["https://issuer.example:22/", "port"],
    ["https://issuer.example:8443/", "port"],
    ["https://user:pw@issuer.example/", "credentials"],
    ["https://user@issuer.example/", "credentials"],
    ["not a url", "invalid_url"],
    ["https://localhost/", "private_address"],
    ["https://LOCALHOST./", "private_address"],
    ["https://api.localhost/", "private_address"],
    ["https://printer.local/", "private_address"],
    ["https://metadata.google.internal/", "private_address"],
    ["https://intranet/", "private_address"],
  ])("%s → %s", (raw, code) => {
    expect(refusal(raw)).toBe(code);
  });

  it.each([
    "https://127.1/",
    "https://2130706433/",
    "https://0x7f000001/",
    "https://0177.0.0.1/",
    "https://0x7f.1/",
    "https://[::1]/",
    "https://[::ffff:7f00:1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://0.0.0.0/",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/",
    "https://10.0.0.1/",
    "https://[fc00::1]/",
    "https://[fe80::1]/",
    "https://[64:ff9b::7f00:1]/",
    "https://[::7f00:1]/",
  ])("IP literal %s → private-address", (raw) => {
    expect(refusal(raw)).toBe("private_address");
  });

  it("accepts a public name on 443 and pins public IP literals", () => {
    expect(checkTarget("https://issuer.example:443/a").url.href).toBe("https://issuer.example/a");
    expect(checkTarget("https://issuer.example/a").pinned).toBeUndefined();
    expect(checkTarget("https://[2606:4700::1111]/").pinned).toBe("2606:4700::1111");
    expect(checkTarget("https://1.1.1.1/").pinned).toBe("1.1.1.1");
  });

  it("loopback allowance opens exactly one port on 127.0.0.1/localhost over http", () => {
    const allow = { port: 4567 };
    expect(checkTarget("http://127.0.0.1:4567/x", allow).pinned).toBe("127.0.0.1");
    expect(checkTarget("http://localhost:4567/x", allow).pinned).toBe("127.0.0.1");
    expect(refusal("http://127.0.0.1:4568/", allow)).toBe("scheme");
    expect(refusal("http://localhost/", allow)).toBe("scheme");
    expect(refusal("http://[::1]:4567/", allow)).toBe("scheme");
    expect(refusal("http://127.1:4567/", allow)).toBe("allowed"); // canonicalised to 127.0.0.1
    expect(refusal("https://127.0.0.1:4567/", allow)).toBe("port");
    expect(refusal("http://u:p@127.0.0.1:4567/", allow)).toBe("credentials");
    expect(refusal("http://127.0.0.1:4567/")).toBe("scheme");
  });
});
