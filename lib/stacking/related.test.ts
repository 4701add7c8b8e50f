import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog";
import { computeProgress } from "./progress";
import { deriveLinkedPathways } from "./related";
import { credential, NOW } from "@/testkit/stacking/builders";

const partOf = (targetId: string | undefined, title?: string) => ({
  relation: "part-of" as const,
  ...(targetId !== undefined && { targetId }),
  ...(title !== undefined && { title }),
});

describe("deriveLinkedPathways", () => {
  it("groups credentials that say they are part of the same target under one suggested pathway", () => {
    const wallet = [
      credential("a", {
        achievementId: "urn:m:triage",
        title: "Triage basics",
        hours: 6,
        related: [partOf("urn:t:er", "Emergency Nursing Certificate")],
      }),
      credential("b", { title: "Airway management", related: [partOf("URN:T:ER ")] }),
      credential("c", { title: "Unrelated", related: [{ relation: "precedes", targetId: "urn:t:er" }] }),
    ];
    const [suggestion, ...rest] = deriveLinkedPathways(wallet);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({ basedOnCredentialIds: ["a", "b"], knownPartsOnly: true });
    expect(suggestion!.definition).toMatchObject({
      title: "Emergency Nursing Certificate",
      target: { achievementId: "urn:t:er", kind: "micro-credential" },
      requirements: {
        type: "all-of",
        children: [
          { label: "Airway management", match: { issuerName: wallet[1]!.issuerName, title: "Airway management" } },
          { label: "Triage basics", match: { achievementId: "urn:m:triage" }, expectedHours: 6 },
        ],
      },
    });
    expect(suggestion!.definition.summary).toContain("The issuer may require more than these.");
    const [progress] = computeProgress([suggestion!.definition], wallet, { now: NOW });
    expect(progress).toMatchObject({ complete: true, credentialIds: ["a", "b"] });
  });

  it("adds the parts a held credential lists, so missing siblings show as missing", () => {
    const programme = credential("p", {
      achievementId: "urn:t:wc",
      title: "Wound Care Programme",
      kind: "nano-degree",
      related: [
        { relation: "has-part", targetId: "urn:m:1" },
        { relation: "has-part", title: "Pressure injuries" },
      ],
    });
    const module1 = credential("m1", {
      achievementId: "urn:m:1",
      title: "Assessing wounds",
      related: [partOf("urn:t:wc")],
    });
    const [suggestion] = deriveLinkedPathways([programme, module1]);
    expect(suggestion!.definition.target).toMatchObject({
      kind: "nano-degree",
      title: "Wound Care Programme",
      issuer: { name: programme.issuerName },
    });
    expect(suggestion!.definition.requirements).toMatchObject({
      children: [{ match: { achievementId: "urn:m:1" } }, { label: "Pressure injuries" }],
    });
    const [progress] = computeProgress([suggestion!.definition], [programme, module1], { now: NOW });
    expect(progress).toMatchObject({ percentByCount: 50, targetHeld: true });
  });

  it("leaves out targets the catalog already covers and links that name no target", () => {
    const target = CATALOG[0]!.target;
    const wallet = [
      credential("a", { related: [partOf(target.achievementId)] }),
      credential("b", { related: [partOf(undefined, ` ${target.title.toUpperCase()}`)] }),
      credential("c", { related: [{ relation: "part-of" }] }),
    ];
    expect(deriveLinkedPathways(wallet, CATALOG)).toEqual([]);
    expect(deriveLinkedPathways(wallet)).toHaveLength(2);
  });

  it("gives stable, distinct ids", () => {
    const wallet = [
      credential("a", { related: [partOf("urn:x:1", "Same title")] }),
      credential("b", { related: [partOf("urn:x:2", "Same title")] }),
    ];
    const ids = deriveLinkedPathways(wallet).map((s) => s.definition.id);
    expect(new Set(ids).size).toBe(2);
    expect(deriveLinkedPathways([...wallet].reverse()).map((s) => s.definition.id)).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^linked-same-title-[0-9a-z]+$/);
  });
});
