/**
 * Proof chains (VC Data Integrity "Proof Chains", "Verify Proof Sets and Chains"): a proof with
 * `previousProof` countersigns the proofs whose `id` it names, and is verified only if they are.
 * This module only links the proofs: which ones each proof names, and which references are broken
 * (dangling, ambiguous) or go round in a loop. The order of verification follows from the links.
 */
import { asArray, str, type Json } from "../json";

export type Links = { ok: true; previous: number[] } | { ok: false; clause: string };

export interface ProofChain {
  /** Per proof: the proofs it countersigns (indexes), or why its references are broken. */
  links: Links[];
  /** Whether any proof names an earlier one. */
  chained: boolean;
}

const quote = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);

export function linkProofs(proofs: Json[]): ProofChain {
  const byId = new Map<string, number[]>();
  proofs.forEach((proof, index) => {
    const id = str(proof.id);
    if (id) byId.set(id, [...(byId.get(id) ?? []), index]);
  });
  const links: Links[] = proofs.map((proof, index): Links => {
    if (proof.previousProof === undefined) return { ok: true, previous: [] };
    const previous: number[] = [];
    for (const ref of asArray(proof.previousProof)) {
      const matches = typeof ref === "string" ? (byId.get(ref) ?? []) : [];
      if (matches.length === 0)
        return {
          ok: false,
          clause: `countersigns a signature that is not on the credential (previousProof ${quote(String(ref))})`,
        };
      if (matches.length > 1)
        return {
          ok: false,
          clause: `countersigns signature id ${quote(String(ref))}, which more than one signature on the credential uses`,
        };
      if (matches[0] === index) return { ok: false, clause: "names itself as the signature it countersigns" };
      previous.push(matches[0]!);
    }
    return { ok: true, previous };
  });
  // A proof that can reach itself through previousProof is in a loop: no signer could have made it.
  const reaches = (from: number, target: number, seen = new Set<number>()): boolean => {
    const link = links[from];
    if (!link?.ok) return false;
    return link.previous.some(
      (next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))),
    );
  };
  const looped = links.map((link, index) => link.ok && link.previous.length > 0 && reaches(index, index));
  return {
    links: links.map((link, index) =>
      looped[index]
        ? { ok: false, clause: "is part of a loop of signatures that each claim to countersign the other" }
        : link,
    ),
    chained: proofs.some((proof) => proof.previousProof !== undefined),
  };
}

/** "signature 3 countersigns signatures 1 and 2; signature 4 countersigns signature 3" (1-based). */
export function describeChain(chain: ProofChain): string | undefined {
  const parts = chain.links.flatMap((link, index) => {
    if (!link.ok || link.previous.length === 0) return [];
    const names = link.previous.map((p) => String(p + 1));
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    return [`signature ${index + 1} countersigns signature${names.length === 1 ? "" : "s"} ${list}`];
  });
  return parts.length > 0 ? parts.join("; ") : undefined;
}
