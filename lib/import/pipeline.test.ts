import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { bakePng } from "@/lib/hostile-input/png";
import { bakeSvg } from "@/lib/hostile-input/svg";
import {
  buildEdciXml,
  createEd25519Issuer,
  createOb2Hosted,
  createOb2Signed,
  createPresentation,
  createRsaKey,
  issueClr,
  issueEdc,
  issueOpenBadge,
  issueOpenBadgeJwt,
  type TestIssuer,
} from "@/test-issuer";
import { createGuardedFetch } from "@/lib/net";
import { expandSources, prepareCandidates, type ImportDeps } from "./pipeline";

const enc = (text: string) => new TextEncoder().encode(text);
let issuer: TestIssuer;
let basePng: Uint8Array;
const offline: ImportDeps = {
  fetch: createGuardedFetch({ documents: new Map(), lookup: async () => [{ address: "127.0.0.1", family: 4 }] }),
};

beforeAll(async () => {
  issuer = await createEd25519Issuer();
  basePng = new Uint8Array(
    await sharp({ create: { width: 32, height: 32, channels: 4, background: "#0b6a5e" } })
      .png()
      .toBuffer(),
  );
});

async function prepare(name: string, bytes: Uint8Array, deps: ImportDeps = offline) {
  return prepareCandidates({ name, bytes }, deps);
}

async function accepted(name: string, bytes: Uint8Array, deps?: ImportDeps) {
  const result = await prepare(name, bytes, deps);
  if (!result.ok) throw new Error(`expected ${name} to import, got: ${result.message}`);
  return result.candidate;
}

describe("import pipeline: every format in", () => {
  it("reads an OB 3.0 JSON-LD credential and keeps its bytes", async () => {
    const bytes = enc(JSON.stringify(await issueOpenBadge(issuer)));
    const c = await accepted("badge.json", bytes);
    expect(c.interpreted.record).toMatchObject({ format: "ob3", securing: "data-integrity", container: "json" });
    expect(c.original).toMatchObject({ bytes, mediaType: "application/json", filename: "badge.json" });
  });

  it("reads a VC-JWT", async () => {
    const c = await accepted("badge.jwt", enc(await issueOpenBadgeJwt(issuer)));
    expect(c.interpreted.record).toMatchObject({ format: "ob3", securing: "vc-jwt", container: "jwt" });
    expect(c.interpreted.signed?.kind).toBe("compact-jws");
  });

  it("reads a baked PNG and rasterizes its image", async () => {
    const baked = bakePng(basePng, "openbadgecredential", JSON.stringify(await issueOpenBadge(issuer)));
    const c = await accepted("badge.png", baked);
    expect(c.interpreted.record).toMatchObject({ format: "ob3", container: "png" });
    expect(c.original.bytes).toEqual(baked);
    expect(c.image?.png.slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it("reads a baked SVG holding a VC-JWT", async () => {
    const svg = bakeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      "ob3",
      { verify: await issueOpenBadgeJwt(issuer) },
    );
    const c = await accepted("badge.svg", enc(svg));
    expect(c.interpreted.record).toMatchObject({ format: "ob3", securing: "vc-jwt", container: "svg" });
    expect(c.image).toBeDefined();
  });

  it("reads a CLR 2.0 with its credentials inside", async () => {
    const c = await accepted("clr.json", enc(JSON.stringify(await issueClr(issuer))));
    expect(c.interpreted.record.format).toBe("clr2");
    expect(c.interpreted.children.length).toBeGreaterThanOrEqual(2);
  });

  it("unwraps a presentation holding an enveloped JWT", async () => {
    const vp = await createPresentation({
      credentials: [await issueOpenBadge(issuer)],
      jwts: [await issueOpenBadgeJwt(issuer)],
    });
    const c = await accepted("vp.json", enc(JSON.stringify(vp)));
    expect(c.interpreted.presentation).toBe(true);
    expect(c.interpreted.children).toHaveLength(2);
  });

  it("reads OB 2.0 hosted assertions, fetching the BadgeClass and Issuer through the guarded fetcher only", async () => {
    const bundle = createOb2Hosted();
    const documents = new Map(Object.entries(bundle.documents).map(([url, doc]) => [url, JSON.stringify(doc)]));
    const deps = {
      fetch: createGuardedFetch({ documents, lookup: async () => [{ address: "127.0.0.1", family: 4 as const }] }),
    };
    const assertion = { ...bundle.assertion, badge: bundle.assertion.badge };
    const c = await accepted("assertion.json", enc(JSON.stringify(assertion)), deps);
    expect(c.interpreted.record).toMatchObject({ format: "ob2", securing: "hosted" });
    expect(c.interpreted.record.issuer.name).toBeTruthy();
  });

  it("reads OB 2.0 signed assertions", async () => {
    const bundle = await createOb2Signed(await createRsaKey());
    const documents = new Map(Object.entries(bundle.documents).map(([url, doc]) => [url, JSON.stringify(doc)]));
    const c = await accepted("signed.txt", enc(bundle.jws), { fetch: createGuardedFetch({ documents }) });
    expect(c.interpreted.record).toMatchObject({ format: "ob2", securing: "jws" });
  });

  it("reads a JAdES-sealed European Digital Credential and EDCI XML", async () => {
    const edc = await issueEdc();
    const sealed = await accepted("edc.json", enc(JSON.stringify(edc.jades)));
    expect(sealed.interpreted.record).toMatchObject({ format: "edc", securing: "jades" });
    expect(sealed.interpreted.record.level.eqf).toBeDefined();
    const xml = await accepted("edci.xml", enc(buildEdciXml()));
    expect(xml.interpreted.record).toMatchObject({ format: "edc", container: "xml" });
  });
});

describe("import pipeline: bad input is refused with a specific message", () => {
  it.each([
    ["not a credential", enc('{"hello": "world"}'), /not a credential|recognise/i],
    ["truncated JSON", enc('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": '), /ends before/i],
    ["plain text", enc("minutes of the ward meeting"), /./],
    ["a PDF", enc("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), /PDF/],
  ])("%s", async (_label, bytes, message) => {
    const result = await prepare("input", bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("a PNG with no badge inside", async () => {
    const result = await prepare("photo.png", basePng);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no badge/i) });
  });

  it("a JWT with alg none", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ iss: issuer.did, vc: { type: ["VerifiableCredential"] } })).toString(
      "base64url",
    );
    const result = await prepare("none.jwt", enc(`${header}.${payload}.`));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/unsigned|alg/i) });
  });

  it("an SVG with external entities", async () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&xxe;</svg>`;
    const result = await prepare("xxe.svg", enc(svg));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain("root:");
  });

  it("an SVG with a script", async () => {
    const svg = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "ob3", {
      verify: await issueOpenBadgeJwt(issuer),
    });
    expect(await prepare("script.svg", enc(svg))).toEqual({ ok: false, message: expect.stringMatching(/script/i) });
  });

  it("a 50 MB file", async () => {
    expect(await prepare("huge.json", new Uint8Array(50 * 1024 * 1024).fill(32))).toEqual({
      ok: false,
      message: expect.stringMatching(/50 MB/),
    });
  });

  it.each([
    "https://127.0.0.1/badge.json",
    "https://169.254.169.254/latest/meta-data/",
    "http://issuer.example/badge.json",
  ])("a link to %s", async (url) => {
    const result = await prepare("link", enc(url), { fetch: createGuardedFetch() });
    expect(result.ok).toBe(false);
  });

  it("a zip bomb inside an upload becomes one refused item", async () => {
    const { items } = await expandSources([{ name: "bomb.zip", bytes: enc("PK\u0003\u0004 not really a zip") }]);
    expect(items).toHaveLength(1);
    expect(items[0]?.rejection).toMatch(/archive|zip/i);
  });
});
