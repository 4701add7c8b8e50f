import "server-only";
import { env } from "@/lib/env";
import { loadTrustAnchors } from "@/lib/verify-service/trust-anchors";
import { remember } from "./remember";

/** This process's X.509 trust list: set once at start (the server from its env, the CLI from its flag). */
const trustList = () => remember("trust-anchors", () => ({ pems: undefined as string[] | undefined }));

export function setTrustAnchors(pems: string[] | undefined): void {
  trustList().pems = pems;
}

/** The server's start: reads TESSERA_X509_TRUST_ANCHORS when set (a file that cannot be read throws, naming it). */
export function loadConfiguredTrustAnchors(): void {
  if (env.x509TrustAnchorsFile) setTrustAnchors(loadTrustAnchors(env.x509TrustAnchorsFile));
}

/** The process's trust list as verification deps: `{}` when none is configured. */
export function configuredTrustAnchors(): { x509TrustAnchors?: string[] } {
  const { pems } = trustList();
  return pems && pems.length > 0 ? { x509TrustAnchors: pems } : {};
}
