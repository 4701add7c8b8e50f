/**
 * Tessera's own test issuer: fixtures of every supported format, signed at run time with freshly
 * generated keys. Use it in unit tests, the import benchmark and e2e — never the external
 * fixtures, whose keys and contents we do not control. See docs/decisions/0008.
 */
export {
  createEd25519Issuer,
  createP256Issuer,
  createRsaKey,
  type JwtAlg,
  type JwtSigner,
  type RsaKey,
  type TestIssuer,
} from "./keys";
export { DEFAULT_RECIPIENT, type AchievementDetails } from "./defaults";
export { signCredential, type ProofKind, type SignedCredential } from "./sign";
export { addProof, appendProof, forgedProof, signProof, type HandProofOptions } from "./proof-sets";
export { buildOpenBadgeCredential, issueOpenBadge, issueOpenBadgeEd25519Signature2020, type Ob3Options } from "./ob3";
export { issueOpenBadgeJwt, signVcJwt } from "./jwt";
export { issueClr } from "./clr";
export { createPresentation, issueVc2 } from "./vc2";
export { createOb2Hosted, createOb2Signed } from "./ob2";
export { createStatusList, encodeBitstring, MIN_STATUS_LIST_LENGTH, type StatusList } from "./status";
export {
  buildEuropeanDigitalCredential,
  issueEdc,
  issueEdcWithDid,
  sealJades,
  type IssuedEdc,
  type JadesSeal,
} from "./edc";
export { badgePng, certificateScan } from "./artwork";
export { buildEdciXml } from "./edci-xml";
export { createSealCertificate, type SealCertificate } from "./x509";
export { createTestCa } from "./x509-ca";
export { createJoseIssuer, createX5cSigner } from "./jose-issuer";
export { at, REMOVE, swapProof, swapProofValue, tamper, tamperJades, tamperJwt } from "./tamper";
export { loadOrIssueMany } from "./issue-many";
export {
  createTokenStatusList,
  defaultSdJwtClaims,
  issueSdJwtVc,
  presentSdJwtVc,
  type IssuedSdJwtVc,
  type SdJwtVcOptions,
} from "./sd-jwt-vc";
