import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createEd25519Issuer, createPresentation, issueVc2 } from "@/test-issuer";
import type { CliContext } from "./context";
import { verifyCommand } from "./verify-command";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-verify-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(file: string, args: string[] = []) {
  const lines: string[] = [];
  const push = (line: string) => {
    lines.push(line);
  };
  const ctx = { out: push, err: push } as CliContext;
  return { code: await verifyCommand.run([...args, file], ctx), lines };
}

it("the CLI reports a presentation's holder check, and fails the run when the holder's signature does not match", async () => {
  const holder = await createEd25519Issuer();
  const credential = await issueVc2(await createEd25519Issuer(), { recipientId: holder.did });
  const vp = await createPresentation({ credentials: [credential], holder, challenge: "cli-1" });
  const good = path.join(dir, "vp.json");
  const bad = path.join(dir, "tampered.json");
  fs.writeFileSync(good, JSON.stringify(vp));
  fs.writeFileSync(bad, JSON.stringify({ ...vp, holder: (await createEd25519Issuer()).did }));

  const ok = await run(good);
  expect(ok.code).toBe(0);
  expect(ok.lines[0]).toMatch(/vp\.json: presentation — passed holder: Signed by the holder/);
  expect(ok.lines[1]).toMatch(/VERIFIED/);

  const tampered = await run(bad, ["--json"]);
  expect(tampered.code).toBe(1);
  expect(JSON.parse(tampered.lines[0]!)).toMatchObject({ presentation: { check: { id: "holder", status: "failed" } } });
  expect(JSON.parse(tampered.lines[1]!)).toMatchObject({ verdict: "verified" });
});
