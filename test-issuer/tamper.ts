/**
 * Negative-test helpers. Each returns a modified deep copy; the input is never changed.
 */

/** Pass as `value` to delete the property at `path`. */
export const REMOVE = Symbol("remove");

export type Path = string | ReadonlyArray<string | number>;

function segments(path: Path): Array<string | number> {
  if (typeof path !== "string") return [...path];
  // "credentialSubject.achievement.alignment[0].targetUrl" → [..., "alignment", 0, "targetUrl"]
  return path.split(".").flatMap((part) =>
    part
      .split(/\[(\d+)\]/)
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
  );
}

/** Reads the value at a dotted/indexed path (undefined when absent). */
export function at(document: unknown, path: Path): unknown {
  let node = document;
  for (const key of segments(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets (or with `REMOVE`, deletes) the value at a dotted/indexed path; intermediate objects are created. */
export function tamper<T>(document: T, path: Path, value: unknown): T {
  const copy = structuredClone(document);
  const keys = segments(path);
  const last = keys.pop();
  if (last === undefined) throw new TypeError("tamper needs a non-empty path");
  let node = copy as Record<string | number, unknown>;
  for (const [i, key] of keys.entries()) {
    const next = keys[i + 1] ?? last;
    if (node[key] === null || typeof node[key] !== "object") node[key] = typeof next === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  if (value === REMOVE) {
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return copy;
}

/** `target` carrying `source`'s proof: the signature of one credential on another's content. */
export function swapProof<T extends object>(target: T, source: { proof?: unknown }): T {
  if (source.proof === undefined) throw new TypeError("swapProof: source has no proof");
  return { ...structuredClone(target), proof: structuredClone(source.proof) };
}

/** Swaps only `proof.proofValue` (or `jws`), keeping the target's own proof options. */
export function swapProofValue<T extends { proof?: unknown }>(target: T, source: { proof?: unknown }): T {
  const from = source.proof as Record<string, unknown> | undefined;
  const field = from && "proofValue" in from ? "proofValue" : "jws";
  if (!from || from[field] === undefined) throw new TypeError("swapProofValue: source has no proofValue/jws");
  return tamper(target, ["proof", field], from[field]);
}

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;
}

/** Edits a compact JWS/JWT payload (or header with `part: "header"`) and keeps the old signature. */
export function tamperJwt(jwt: string, path: Path, value: unknown, part: "payload" | "header" = "payload"): string {
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const edit = (segment: string) =>
    Buffer.from(JSON.stringify(tamper(decodeSegment(segment), path, value))).toString("base64url");
  return part === "header" ? `${edit(header)}.${payload}.${signature}` : `${header}.${edit(payload)}.${signature}`;
}

/** Edits the credential inside a JAdES seal's payload string; the signature no longer matches. */
export function tamperJades<T extends { payload: string }>(jades: T, path: Path, value: unknown): T {
  return { ...structuredClone(jades), payload: JSON.stringify(tamper(JSON.parse(jades.payload), path, value)) };
}
