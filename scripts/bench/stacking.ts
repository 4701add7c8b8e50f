/**
 * Stacking benchmark (issue 6 budget): time to recompute progress for a holder with 2,000
 * credentials against 50 pathways, as on every import, delete and expiry.
 *
 *   npx tsx scripts/bench/stacking.ts [--runs=50] [--warmup=40]
 *
 * The data is generated from a fixed seed, so every run measures the same work: 20 micro-credential
 * pathways (all-of components, an "any 2 of 4" choice, an hours total), 20 "any 3 of 6" pathways
 * with skills and EQF requirements, and 10 nano-degrees stacking two or three of the
 * micro-credentials. Credentials: components (some renewed twice, some matched by issuer + title
 * only, a tenth expired) and unrelated CPD with hours, levels and skills, in shuffled order.
 * One sample is one computeProgress: credentials indexed and every pathway evaluated against a
 * catalog compiled once (the budgeted figure), and, reported beside it, the cold call that also
 * checks and compiles the 50 definitions. The last line is one JSON object.
 */
import { performance } from "node:perf_hooks";
import type { StackCredential } from "@/lib/stacking/credential";
import { validateCatalog, type PathwayDefinition, type Requirement } from "@/lib/stacking/definition";
import { compileCatalog, computeProgress } from "@/lib/stacking/progress";

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const RUNS = Math.max(20, arg("runs", 50));
// Enough calls for V8 to finish tiering up the engine before the first timed one.
const WARMUP = arg("warmup", 40);
const CREDENTIALS = 2_000;
const PATHWAYS = 50;
const BUDGETS = { p95_ms_max: 50 };
const NOW = new Date("2026-03-01T00:00:00Z");
const ISSUERS = [
  "Northfield School of Nursing",
  "Riverside Health Academy",
  "Coastal Care Training",
  "Hill Hospital Education Unit",
];
const SKILLS = Array.from({ length: 60 }, (_, i) => `skill ${i}`);

/** mulberry32: a small seeded PRNG, so the data is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20_260_301);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

interface Component {
  achievementId: string;
  title: string;
  issuerName: string;
  hours: number;
}

const components: Component[] = [];
function component(pathway: string, n: number): Requirement {
  const c = {
    achievementId: `https://issuer.bench.test/achievements/${pathway}-${n}`,
    title: `${pathway} module ${n}`,
    issuerName: pick(ISSUERS),
    hours: between(4, 30),
  };
  components.push(c);
  return {
    id: `m${n}`,
    type: "credential",
    label: c.title,
    match: { achievementId: c.achievementId, issuerName: c.issuerName, title: c.title },
    expectedHours: c.hours,
  };
}

function pathway(
  id: string,
  requirements: Requirement,
  kind: "micro-credential" | "nano-degree" = "micro-credential",
): PathwayDefinition {
  return {
    version: 1,
    id,
    title: `Pathway ${id}`,
    summary: "Generated for the stacking benchmark.",
    target: {
      title: `Target ${id}`,
      kind,
      issuer: { name: pick(ISSUERS) },
      achievementId: `https://issuer.bench.test/achievements/${id}`,
      eu: { learningOutcomes: [] },
    },
    requirements,
  };
}

function generateCatalog(): PathwayDefinition[] {
  const catalog: PathwayDefinition[] = [];
  for (let i = 0; i < 20; i++) {
    const id = `micro-${i}`;
    catalog.push(
      pathway(id, {
        id: "all",
        type: "all-of",
        children: [
          ...Array.from({ length: 6 }, (_, n) => component(id, n)),
          {
            id: "choice",
            type: "any-of",
            count: 2,
            children: Array.from({ length: 4 }, (_, n) => component(id, 6 + n)),
          },
          { id: "hours", type: "min-hours", hours: between(10, 40) },
        ],
      }),
    );
  }
  for (let i = 0; i < 20; i++) {
    const id = `choice-${i}`;
    const skills = Array.from({ length: 3 }, () => ({ name: pick(SKILLS) })).filter(
      (s, n, all) => all.findIndex((o) => o.name === s.name) === n,
    );
    catalog.push(
      pathway(id, {
        id: "all",
        type: "all-of",
        children: [
          { id: "modules", type: "any-of", count: 3, children: Array.from({ length: 6 }, (_, n) => component(id, n)) },
          { id: "skills", type: "skills-covered", skills },
          { id: "level", type: "min-eqf", level: between(4, 6) },
        ],
      }),
    );
  }
  for (let i = 0; i < PATHWAYS - 40; i++) {
    const id = `nano-${i}`;
    const parts = [...new Set(Array.from({ length: between(2, 3) }, () => `micro-${between(0, 19)}`))];
    const refs: Requirement[] = parts.map((p, n) => ({ id: `part-${n}`, type: "pathway", pathwayId: p }));
    catalog.push(
      pathway(
        id,
        {
          id: "all",
          type: "all-of",
          children: [
            ...refs,
            component(id, 0),
            { id: "electives", type: "min-hours", hours: 60 },
            { id: "skills", type: "skills-covered", skills: [{ name: pick(SKILLS) }] },
          ],
        },
        "nano-degree",
      ),
    );
  }
  return catalog;
}

/** Shaped like toStackCredential's output: every field present, absent ones undefined. */
function held(
  id: string,
  fields: Pick<StackCredential, "title" | "issuerName"> & Partial<StackCredential>,
): StackCredential {
  return {
    id,
    achievementId: fields.achievementId,
    title: fields.title,
    issuerName: fields.issuerName,
    issuerId: undefined,
    hours: fields.hours,
    ects: undefined,
    eqf: fields.eqf,
    skills: (fields.skills ?? []).map((s) => ({ name: s.name, framework: undefined, code: undefined })),
    validUntil: fields.validUntil,
    related: [],
    kind: "badge",
    revoked: undefined,
  };
}

function generateWallet(): StackCredential[] {
  const wallet: StackCredential[] = [];
  const nextId = () => `cred-${String(wallet.length).padStart(5, "0")}`;
  const validity = () => (rand() < 0.1 ? "2025-06-01T00:00:00Z" : rand() < 0.5 ? "2028-01-01T00:00:00Z" : undefined);
  // The holder has studied toward most pathways but finished only some: components come from
  // about 70 % of the catalog's, so many pathways stay partial and have next steps to compute.
  const studied = components.filter(() => rand() < 0.7);
  while (wallet.length < CREDENTIALS * 0.6) {
    const c = pick(studied);
    const copies = rand() < 0.1 ? 2 : 1; // renewed credentials: the same achievement twice
    for (let k = 0; k < copies; k++) {
      const byNameOnly = rand() < 0.15;
      wallet.push(
        held(nextId(), {
          achievementId: byNameOnly ? undefined : c.achievementId,
          title: c.title,
          issuerName: c.issuerName,
          hours: c.hours,
          eqf: between(3, 6),
          skills: [{ name: pick(SKILLS) }],
          validUntil: validity(),
        }),
      );
    }
  }
  while (wallet.length < CREDENTIALS) {
    const skills = Array.from({ length: between(0, 3) }, () => ({ name: pick(SKILLS) }));
    wallet.push(
      held(nextId(), {
        title: `CPD course ${wallet.length}`,
        issuerName: pick(ISSUERS),
        hours: rand() < 0.8 ? between(1, 40) : undefined,
        eqf: rand() < 0.5 ? between(2, 7) : undefined,
        skills,
        validUntil: validity(),
      }),
    );
  }
  // Shuffled (seeded): storage order is not id order, and the engine must sort.
  const shuffled = wallet.slice(0, CREDENTIALS);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Warms up, then times `RUNS` calls; returns the sorted samples and the last result. */
function measure<T>(run: () => T): { sorted: number[]; result: T } {
  let result = run();
  for (let i = 1; i < WARMUP; i++) result = run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    samples.push(performance.now() - start);
  }
  return { sorted: samples.sort((a, b) => a - b), result };
}

function main(): void {
  const catalog = generateCatalog();
  const wallet = generateWallet();
  const validation = validateCatalog(catalog);
  if (!validation.ok) throw new Error(`generated catalog is invalid:\n${validation.errors.join("\n")}`);
  // Recompute: the catalog is compiled once (it changes rarely); each import, delete or expiry
  // recomputes against the holder's credentials. Cold: the definitions are checked and compiled too.
  const compiled = compileCatalog(catalog);
  const cold = measure(() => computeProgress(catalog, wallet, { now: NOW }));
  const recompute = measure(() => computeProgress(compiled, wallet, { now: NOW }));
  const [p50, p95, max] = [
    percentile(recompute.sorted, 0.5),
    percentile(recompute.sorted, 0.95),
    recompute.sorted[recompute.sorted.length - 1]!,
  ];
  const [coldP50, coldP95] = [percentile(cold.sorted, 0.5), percentile(cold.sorted, 0.95)];
  if (JSON.stringify(cold.result) !== JSON.stringify(recompute.result))
    throw new Error("compiled and plain catalogs gave different progress");
  const completed = recompute.result.filter((p) => p.complete).length;
  const counted = recompute.result.reduce((n, p) => n + p.credentialIds.length, 0);
  console.log(
    `stacking: ${wallet.length} credentials × ${catalog.length} pathways, ${RUNS} runs after ${WARMUP} warm-up: recompute p50 ${round2(p50)} ms, p95 ${round2(p95)} ms, max ${round2(max)} ms ` +
      `(budget p95 < ${BUDGETS.p95_ms_max} ms); cold, catalog checked and compiled too: p50 ${round2(coldP50)} ms, p95 ${round2(coldP95)} ms; ${completed} pathways complete, ${counted} credential uses counted`,
  );
  console.log(
    JSON.stringify({
      credentials: wallet.length,
      pathways: catalog.length,
      runs: RUNS,
      p50_ms: round2(p50),
      p95_ms: round2(p95),
      max_ms: round2(max),
      cold_p50_ms: round2(coldP50),
      cold_p95_ms: round2(coldP95),
      budgets: BUDGETS,
      budget_ok: p95 < BUDGETS.p95_ms_max,
    }),
  );
}

main();
