import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCa } from "@/test-issuer";
import { configuredTrustAnchors, setTrustAnchors } from "@/lib/runtime/trust-anchors";
import { loadTrustAnchors } from "./trust-anchors";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-anchors-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe("the X.509 trust list file", () => {
  it("reads every PEM certificate in the file", async () => {
    const [a, b] = await Promise.all([createTestCa(), createTestCa({ name: "Second CA" })]);
    const pems = loadTrustAnchors(write("two.pem", `# our CAs\n${a.pem}\n${b.pem}\n`));
    expect(pems).toHaveLength(2);
    expect(pems[1]).toContain(b.pem.split("\n")[1]);
  });

  it("refuses a file without certificates, or with one that cannot be read, naming the file", () => {
    const empty = write("empty.pem", "nothing here");
    expect(() => loadTrustAnchors(empty)).toThrow(`The trust list ${empty} holds no PEM certificates.`);
    const broken = write("broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----");
    expect(() => loadTrustAnchors(broken)).toThrow(`Certificate 1 in the trust list ${broken} cannot be read.`);
  });

  it("the process's trust list reaches verification deps only when set", () => {
    setTrustAnchors(undefined);
    expect(configuredTrustAnchors()).toEqual({});
    setTrustAnchors(["pem"]);
    expect(configuredTrustAnchors()).toEqual({ x509TrustAnchors: ["pem"] });
    setTrustAnchors(undefined);
  });
});
