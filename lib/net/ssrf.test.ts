import net from "node:net";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FetchRefusedError } from "./errors";
import { createGuardedFetch } from "./guarded-fetch";
import { pinHost, pinnedConnector, type Pins } from "./resolve";
import { sequenceLookup, startCanary, startHttpServer, tableLookup, type TestServer } from "@/testkit/net/test-servers";

let canary: TestServer;
let issuer: TestServer;

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await promise.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

beforeAll(async () => {
  canary = await startCanary();
  issuer = await startHttpServer((req, res) => {
    const chain = /^\/chain\/(\d+)$/.exec(req.url ?? "");
    const n = Number(chain?.[1]);
    const targets: Record<string, string> = {
      "/to-canary": `http://127.0.0.1:${canary.port}/`,
      "/to-canary-v6": `http://[::1]:${canary.port}/`,
      "/to-canary-https": `https://127.0.0.1:${canary.port}/`,
      "/to-localhost": "http://localhost/",
      "/to-mapped": "https://[::ffff:7f00:1]/",
      "/to-metadata": "https://169.254.169.254/latest/meta-data/",
      "/to-other": "https://other.test/",
      "/to-file": "file:///etc/passwd",
    };
    const location = chain ? (n < 5 ? `/chain/${n + 1}` : undefined) : targets[req.url ?? ""];
    if (location) res.writeHead(302, { location }).end();
    else if (req.url === "/no-location") res.writeHead(302).end();
    else res.end(`final ${req.url}`);
  });
});
afterAll(async () => {
  await canary.close();
  await issuer.close();
});
afterEach(() => {
  expect(canary.connections()).toBe(0);
  vi.restoreAllMocks();
});

describe("E1: schemes and literals are refused before any I/O", () => {
  const urls = (port: number) => [
    "file:///etc/passwd",
    `gopher://127.0.0.1:${port}/_x`,
    `ftp://127.0.0.1:${port}/`,
    "data:text/plain,hi",
    "http://issuer.test/",
    `http://127.0.0.1:${port}/`,
    "https://issuer.test:22/",
    `https://issuer.test:${port}/`,
    "https://user:pw@issuer.test/",
    ...[
      "127.1",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "[::1]",
      "[::ffff:7f00:1]",
      "0.0.0.0",
      "169.254.169.254",
      "100.64.0.1",
      "10.0.0.1",
      "[fc00::1]",
      "[fe80::1]",
      "[64:ff9b::7f00:1]",
    ].flatMap((host) => [`https://${host}/`, `http://${host}:${port}/`]),
  ];

  it("refuses every one with a reason, without a lookup or a connection", async () => {
    const { lookup, calls } = tableLookup({ "issuer.test": ["93.184.215.14"] });
    const guardedFetch = createGuardedFetch({ lookup, allowLoopbackPlainHttp: { port: issuer.port } });
    for (const url of urls(canary.port)) {
      const error = await refusal(guardedFetch(url));
      expect(["scheme", "port", "credentials", "private_address"]).toContain(error.reason);
      expect(error.message).toMatch(/Tessera/);
    }
    expect(calls).toEqual([]);
  });

  it("gives people a plain reason", async () => {
    const guardedFetch = createGuardedFetch();
    expect((await refusal(guardedFetch("http://issuer.test/"))).message).toBe(
      "Tessera only fetches https:// addresses.",
    );
    expect((await refusal(guardedFetch("https://10.0.0.1/"))).message).toBe(
      "That address points inside a private network, so Tessera will not fetch it.",
    );
    expect((await refusal(guardedFetch("https://x.test/", { method: "PUT" as "GET" }))).reason).toBe("method");
  });

  it("the connector itself refuses any host that was not checked (literals skip lookup)", async () => {
    const connect = pinnedConnector(new Map(), 1_000);
    const error = await new Promise<Error | null>((resolve) =>
      connect({ hostname: "127.0.0.1", protocol: "http:", port: String(canary.port) }, (...args) => resolve(args[0])),
    );
    expect(error).toBeInstanceOf(FetchRefusedError);
  });
});

describe("E2: names that resolve to private addresses, and rebinding", () => {
  it.each([
    [["127.0.0.1"]],
    [["::1"]],
    [["::ffff:127.0.0.1"]],
    [["169.254.169.254"]],
    [["10.1.2.3"]],
    [["fd00::5"]],
    [["93.184.215.14", "127.0.0.1"]],
    [["2606:4700::1111", "fe80::1"]],
    [["64:ff9b::a00:1"]],
    [["0.0.0.0"]],
  ])("issuer.test → %j is refused", async (answers) => {
    const guardedFetch = createGuardedFetch({ lookup: tableLookup({ "issuer.test": answers }).lookup });
    expect((await refusal(guardedFetch("https://issuer.test/badge"))).reason).toBe("private_address");
  });

  it("unresolvable names and empty answers are DNS refusals", async () => {
    const guardedFetch = createGuardedFetch({ lookup: tableLookup({ "empty.test": [] }).lookup });
    expect((await refusal(guardedFetch("https://missing.test/"))).reason).toBe("dns");
    expect((await refusal(guardedFetch("https://empty.test/"))).reason).toBe("dns");
  });

  it("a resolver that never answers hits the time cap", async () => {
    const guardedFetch = createGuardedFetch({ lookup: () => new Promise(() => undefined), timeoutMs: 100 });
    expect((await refusal(guardedFetch("https://slow-dns.test/"))).reason).toBe("timeout");
  });

  it("a host met again later in a redirect chain keeps its first, checked answer", async () => {
    const { lookup, calls } = sequenceLookup([["93.184.215.14"], ["127.0.0.1"]]);
    const pins: Pins = new Map();
    const signal = new AbortController().signal;
    await pinHost("rebind.test", pins, lookup, signal);
    await pinHost("rebind.test", pins, lookup, signal);
    expect(calls).toEqual(["rebind.test"]);
    expect(pins.get("rebind.test")).toEqual([{ address: "93.184.215.14", family: 4 }]);
  });

  it("rebinding: looks up once and the socket gets only the checked address", async () => {
    const { lookup, calls } = sequenceLookup([["93.184.215.14"], ["127.0.0.1"]]);
    const sockets: { host?: string; servername?: string; addresses: unknown }[] = [];
    // Stand in for the TLS socket so no packet leaves the machine; ask its lookup where it would go.
    vi.spyOn(tls, "connect").mockImplementation(((options: tls.ConnectionOptions) => {
      const socket = new net.Socket();
      options.lookup?.(String(options.host), { all: true }, (_e, addresses) =>
        sockets.push({ host: options.host, servername: options.servername, addresses }),
      );
      setImmediate(() => socket.destroy(new Error("test: network disabled")));
      return socket;
    }) as unknown as typeof tls.connect);

    const guardedFetch = createGuardedFetch({ lookup });
    expect((await refusal(guardedFetch("https://rebind.test/"))).reason).toBe("network");
    expect(calls).toEqual(["rebind.test"]);
    expect(sockets).toEqual([
      { host: "rebind.test", servername: "rebind.test", addresses: [{ address: "93.184.215.14", family: 4 }] },
    ]);
  });
});

describe("E3: every redirect hop is re-checked", () => {
  const { lookup } = tableLookup({ "other.test": ["10.0.0.7"] });
  const fetcher = () => createGuardedFetch({ lookup, allowLoopbackPlainHttp: { port: issuer.port } });

  it.each([
    ["/to-canary", "scheme"],
    ["/to-canary-v6", "scheme"],
    ["/to-canary-https", "port"],
    ["/to-localhost", "scheme"],
    ["/to-mapped", "private_address"],
    ["/to-metadata", "private_address"],
    ["/to-other", "private_address"],
    ["/to-file", "scheme"],
    ["/no-location", "redirect"],
  ])("%s → %s", async (path, code) => {
    const error = await refusal(fetcher()(`${issuer.origin}${path}`));
    expect(error.reason).toBe(code);
    expect(error.message).toMatch(/redirect/i);
  });

  it("follows at most 3 hops", async () => {
    const before = issuer.requests.length;
    const error = await refusal(fetcher()(`${issuer.origin}/chain/0`));
    expect(error.reason).toBe("too_many_redirects");
    expect(error.message).toContain("more than 3 times");
    expect(issuer.requests.slice(before)).toEqual(["/chain/0", "/chain/1", "/chain/2", "/chain/3"]);

    const ok = await fetcher()(`${issuer.origin}/chain/2`);
    expect(ok.url).toBe(`${issuer.origin}/chain/5`);
    expect(ok.text()).toBe("final /chain/5");
  });
});
