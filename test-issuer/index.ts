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
export {
  DEFAULT_ACHIEVEMENT,
  DEFAULT_ISSUER_PROFILE,
  DEFAULT_RECIPIENT,
  saltedSha256,
  type AchievementDetails,
  type CommonOptions,
  type IssuerProfile,
  type SkillRef,
} from "./defaults";
export { signCredential, signRaw, type ProofKind, type SignedCredential } from "./sign";
export { addProof, appendProof, forgedProof, signProof, type HandProofOptions } from "./proof-sets";
export {
  buildOpenBadgeCredential,
  issueOpenBadge,
  issueOpenBadgeEd25519Signature2020,
  type Ob3Options,
  type VcVersion,
} from "./ob3";
export { issueOpenBadgeJwt, signVcJwt, type JwtStyle, type VcJwtOptions } from "./jwt";
export { issueClr, DEFAULT_CLR_ACHIEVEMENTS, type Association, type AssociationType, type ClrOptions } from "./clr";
export {
  buildVc2Credential,
  createPresentation,
  envelope,
  issueVc2,
  type PresentationOptions,
  type Vc2Options,
} from "./vc2";
export {
  createOb2Hosted,
  createOb2Signed,
  OB2_CONTEXT,
  type Ob2Bundle,
  type Ob2Options,
  type Ob2SignedBundle,
} from "./ob2";
export {
  createStatusList,
  encodeBitstring,
  MIN_STATUS_LIST_LENGTH,
  type StatusList,
  type StatusListOptions,
} from "./status";
export {
  buildEuropeanDigitalCredential,
  issueEdc,
  sealJades,
  EDC_AP_CONTEXT,
  type EdcOptions,
  type IssuedEdc,
  type JadesSeal,
} from "./edc";
export { buildEdciXml, EDCI_NAMESPACE } from "./edci-xml";
export { createSealCertificate, type SealAlg, type SealCertificate } from "./x509";
export { createTestCa, issueLeafCertificate, type IssuedCertificate, type TestCa } from "./x509-ca";
export {
  createJoseIssuer,
  createX5cSigner,
  jwtVcIssuerMetadataUrl,
  type JoseIssuer,
  type JoseIssuerOptions,
  type X5cSigner,
} from "./jose-issuer";
export { at, REMOVE, swapProof, swapProofValue, tamper, tamperJades, tamperJwt, type Path } from "./tamper";
export {
  DEFAULT_MIX,
  issueMany,
  loadOrIssueMany,
  MIXED_FORMATS,
  schedule,
  type IssuedCorpus,
  type IssuedItem,
  type IssueManyOptions,
  type MixedFormat,
} from "./issue-many";
