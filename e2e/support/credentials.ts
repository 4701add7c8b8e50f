import sharp from "sharp";
import yazl from "yazl";
import { bakePng } from "@/lib/hostile-input/png";
import { bakeSvg } from "@/lib/hostile-input/svg";
import {
  createEd25519Issuer,
  issueClr,
  issueOpenBadge,
  issueOpenBadgeJwt,
  tamper,
  type TestIssuer,
} from "@/test-issuer";

/** Fixtures for import journeys, made by the project's own test issuer with fresh keys. */
let issuerPromise: Promise<TestIssuer> | undefined;
const issuer = () => (issuerPromise ??= createEd25519Issuer());

const achievement = (name: string) => ({
  name,
  id: `https://northbridge-nursing.test/achievements/${encodeURIComponent(name)}`,
  humanCode: name.slice(0, 12),
});

export async function badgeJson(name: string, options: { recipientEmail?: string } = {}): Promise<Buffer> {
  return Buffer.from(
    JSON.stringify(await issueOpenBadge(await issuer(), { achievement: achievement(name), ...options })),
  );
}

/** The test issuer's CLR 2.0: a pathway and two courses, each its own signed credential inside it. */
export async function clrJson(options: { recipientEmail?: string } = {}): Promise<Buffer> {
  return Buffer.from(JSON.stringify(await issueClr(await issuer(), options)));
}

/** A validly signed badge whose title was changed afterwards: the signature must fail. */
export async function tamperedBadgeJson(
  name: string,
  forgedName: string,
  options: { recipientEmail?: string } = {},
): Promise<Buffer> {
  const credential = await issueOpenBadge(await issuer(), { achievement: achievement(name), ...options });
  return Buffer.from(JSON.stringify(tamper(credential, ["credentialSubject", "achievement", "name"], forgedName)));
}

export async function badgeJwt(name: string): Promise<string> {
  return issueOpenBadgeJwt(await issuer(), { achievement: achievement(name) });
}

export async function bakedPng(name: string): Promise<Buffer> {
  const png = await sharp({ create: { width: 96, height: 96, channels: 4, background: "#0b6a5e" } })
    .png()
    .toBuffer();
  return Buffer.from(bakePng(new Uint8Array(png), "openbadgecredential", (await badgeJson(name)).toString("utf8")));
}

export async function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: "#888888" } })
    .png()
    .toBuffer();
}

export async function svgWithScript(name: string): Promise<Buffer> {
  const svg = bakeSvg(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
    "ob3",
    { verify: await badgeJwt(name) },
  );
  return Buffer.from(svg);
}

export function unsignedJwt(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part({ iss: "did:example:issuer", vc: { type: ["VerifiableCredential"] } })}.`;
}

export async function zipOf(files: { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(file.bytes, file.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
