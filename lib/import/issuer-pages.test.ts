/**
 * Issuer page links: each platform's public badge page becomes its documented Open Badges data
 * address (issuer-pages.ts), and the import pipeline fetches only that, through lib/net, from
 * recorded responses (testkit/import/issuer-page-responses.ts) — no network.
 */
import { describe, expect, it } from "vitest";
import { createEd25519Issuer, issueOpenBadge } from "@/test-issuer";
import { ACCREDIBLE, BADGR, CREDLY, verifierPlusResponse } from "@/testkit/import/issuer-page-responses";
import { verifyCredential } from "@/lib/verification";
import { NOW, offlineFetch, statusOf } from "@/testkit/verification/helpers";
import { issuerPageLink } from "./issuer-pages";
import { prepareCandidates } from "./pipeline";

describe("issuerPageLink", () => {
  it.each([
    [
      "https://www.credly.com/badges/54A07C5C-89f9-4c33-9731-e1b0d34f88b9",
      "https://api.credly.com/v1/obi/v2/badge_assertions/54a07c5c-89f9-4c33-9731-e1b0d34f88b9",
    ],
    [
      "https://www.youracclaim.com/badges/54a07c5c-89f9-4c33-9731-e1b0d34f88b9/linked_in_profile",
      "https://api.credly.com/v1/obi/v2/badge_assertions/54a07c5c-89f9-4c33-9731-e1b0d34f88b9",
    ],
    [
      "https://eu.badgr.com/public/assertions/Dp6XJm5jTdKCT1eTav6ECg",
      "https://api.eu.badgr.io/public/assertions/Dp6XJm5jTdKCT1eTav6ECg?v=2_0",
    ],
    [
      "https://badges.parchment.com/public/assertions/21DKZvG-RV6BhE_-5JMHDw",
      "https://api.badgr.io/public/assertions/21DKZvG-RV6BhE_-5JMHDw?v=2_0",
    ],
    ["https://www.credential.net/10000005", "https://api.accredible.com/v1/obi/badge_assertions/10000005"],
    [
      "https://verifierplus.org/credentials/5f1c9a1e-2b7d-4c55-9d3e-0a1b2c3d4e5f",
      "https://verifierplus.org/api/credentials/5f1c9a1e-2b7d-4c55-9d3e-0a1b2c3d4e5f",
    ],
  ])("%s → %s", (page, data) => {
    expect(issuerPageLink(page)?.dataUrl).toBe(data);
  });

  it.each([
    "https://www.credly.com/users/aoife-byrne/badges",
    "https://www.credly.com/badges/not-a-uuid",
    "https://credly.com.evil.example/badges/54a07c5c-89f9-4c33-9731-e1b0d34f88b9",
    "https://badgr.com/public/issuers/SXNzdWVyMQ",
    "https://www.credential.net/10000005/extra",
    "ftp://www.credly.com/badges/54a07c5c-89f9-4c33-9731-e1b0d34f88b9",
    "not a link",
  ])("%s is not a page Tessera rewrites", (link) => {
    expect(issuerPageLink(link)).toBeUndefined();
  });
});

describe("importing a pasted badge page link", () => {
  const paste = (link: string) => ({ name: "pasted link", bytes: new TextEncoder().encode(link) });

  it.each([
    ["Credly", CREDLY],
    ["Canvas Credentials (Badgr)", BADGR],
    ["Accredible", ACCREDIBLE],
  ])("%s: the badge's Open Badges data is fetched, never the HTML page", async (_name, platform) => {
    const net = offlineFetch(platform.documents);
    const prepared = await prepareCandidates(paste(platform.pageUrl), { fetch: net.fetch });
    expect(prepared.ok && prepared.candidate.interpreted.record).toMatchObject({
      format: "ob2",
      securing: "hosted",
      container: "url",
      title: platform.title,
    });
    expect(net.calls[0]).toBe(platform.dataUrl);
    expect(net.calls).not.toContain(platform.pageUrl);
    expect(net.lookups).toEqual([]);
  });

  it("the imported Credly badge verifies as hosted on Credly's own address", async () => {
    const net = offlineFetch(CREDLY.documents);
    const prepared = await prepareCandidates(paste(CREDLY.pageUrl), { fetch: net.fetch });
    if (!prepared.ok) throw new Error(prepared.message);
    const result = await verifyCredential(prepared.candidate.interpreted, { fetch: net.fetch, now: () => NOW });
    expect(statusOf(result)).toMatchObject({ proof: "passed", issuer: "passed" });
  });

  it("VerifierPlus: the presentation the holder shared is imported, with the credential inside", async () => {
    const badge = await issueOpenBadge(await createEd25519Issuer(), { achievement: { name: "Wound Care Essentials" } });
    const platform = verifierPlusResponse("5f1c9a1e-2b7d-4c55-9d3e-0a1b2c3d4e5f", badge);
    const net = offlineFetch(platform.documents);
    const prepared = await prepareCandidates(paste(platform.pageUrl), { fetch: net.fetch });
    expect(prepared.ok && prepared.candidate.interpreted.presentation).toBe(true);
    expect(prepared.ok && prepared.candidate.interpreted.children.map((c) => c.record.title)).toEqual([
      "Wound Care Essentials",
    ]);
    expect(net.calls).toEqual([platform.dataUrl]);
  });

  it("a platform that does not answer → a message naming it and what to do instead", async () => {
    const net = offlineFetch({});
    const prepared = await prepareCandidates(paste(CREDLY.pageUrl), { fetch: net.fetch });
    expect(prepared).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Tessera could not get this badge's data from Credly .*Download the badge from Credly and upload the file instead\.$/,
      ),
    });
    expect(net.lookups).toEqual(["api.credly.com"]);
  });

  it("VerifierPlus answering without a presentation → refused, naming the platform", async () => {
    const net = offlineFetch({ "https://verifierplus.org/api/credentials/5f1c9a1e-2b7d": { error: "Not found" } });
    const prepared = await prepareCandidates(paste("https://verifierplus.org/credentials/5f1c9a1e-2b7d"), {
      fetch: net.fetch,
    });
    expect(prepared).toEqual({
      ok: false,
      message: "VerifierPlus (Digital Credentials Consortium) did not answer with a credential for this link.",
    });
  });
});
