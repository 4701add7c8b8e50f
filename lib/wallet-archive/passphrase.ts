import { CompactEncrypt, compactDecrypt } from "jose";
import { DomainError } from "@/lib/errors/domain-error";
import { refuse } from "./errors";

/**
 * The export passphrase that protects wallet DID keys in an archive: a compact JWE (RFC 7516)
 * with password-based key wrapping, PBES2-HS512+A256KW (RFC 7518 §4.8: PBKDF2-HMAC-SHA-512, then
 * AES key wrap) and A256GCM content encryption, made and opened by jose — no hand-written crypto
 * (docs/decisions/0015). Anyone with the passphrase and the JWE can open it with any JOSE library.
 */

/** PBKDF2-HMAC-SHA-512 iterations: OWASP's 2023 figure for SHA-512 is 210,000. */
export const PASSPHRASE_PBES2_COUNT = 210_000;
/** A hostile archive cannot make a restore spend more than this (about ten times ours). */
const MAX_PBES2_COUNT = 2_000_000;
export const PASSPHRASE_MIN_CHARS = 12;
const PASSPHRASE_MAX_CHARS = 1024;

const PBES2 = { alg: "PBES2-HS512+A256KW", enc: "A256GCM" } as const;

/** NFC, so the same passphrase typed on another system (composed or decomposed accents) still opens it. */
function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize("NFC"));
}

/** A passphrase the holder typed: empty means "no passphrase"; a short one is refused with the rule. */
export function checkExportPassphrase(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string") throw new DomainError("invalid_input", "The passphrase must be text.");
  const chars = [...raw.normalize("NFC")].length;
  if (chars < PASSPHRASE_MIN_CHARS)
    throw new DomainError(
      "invalid_input",
      `The export passphrase must be at least ${PASSPHRASE_MIN_CHARS} characters: it alone protects your wallet keys in the file.`,
      { fieldErrors: { passphrase: [`At least ${PASSPHRASE_MIN_CHARS} characters.`] } },
    );
  if (chars > PASSPHRASE_MAX_CHARS)
    throw new DomainError("invalid_input", `The export passphrase may be at most ${PASSPHRASE_MAX_CHARS} characters.`);
  return raw;
}

export async function encryptWithPassphrase(
  plaintext: string,
  passphrase: string,
  count = PASSPHRASE_PBES2_COUNT,
): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(plaintext))
    .setProtectedHeader({ ...PBES2, cty: "application/json" })
    .setKeyManagementParameters({ p2c: count })
    .encrypt(passphraseBytes(passphrase));
}

const NOTHING = "Nothing was restored.";

/** Opens the archive's key JWE, or refuses the whole restore in words (wrong passphrase, altered JWE). */
export async function decryptWithPassphrase(jwe: string, passphrase: string): Promise<string> {
  try {
    const { plaintext } = await compactDecrypt(jwe, passphraseBytes(passphrase), {
      keyManagementAlgorithms: [PBES2.alg],
      contentEncryptionAlgorithms: [PBES2.enc],
      maxPBES2Count: MAX_PBES2_COUNT,
    });
    return new TextDecoder().decode(plaintext);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_JWE_DECRYPTION_FAILED")
      return refuse(
        `That passphrase does not open the wallet keys in this archive (or they were altered). Check it — it is case-sensitive — and try again. ${NOTHING}`,
      );
    return refuse(`The wallet keys in this archive cannot be read: they were altered or damaged. ${NOTHING}`);
  }
}
