import type { RecordDraft } from "../normalize/draft";
import { finish } from "./finish";
import { ob2Recipient } from "./identity";
import { idOf, isRecord, str, type Json } from "./json";
import { badgeClassDraft, ob2BadgeAndIssuer, ob2Evidence, ob2Securing, ob2Status } from "./ob2";
import { ob2Party } from "./ob2-linked";
import type { Env, InterpretedCredential } from "./types";
import { imageOf } from "./vc-common";

/** 0.5: bare-string recipient, `issued_on`, badge.version "0.5.x"; otherwise 1.0. */
function legacyVersion(assertion: Json): "0.5" | "1.0" {
  const badge = isRecord(assertion.badge) ? assertion.badge : {};
  const old =
    typeof assertion.recipient === "string" ||
    assertion.issued_on !== undefined ||
    /^0\.5/.test(str(badge.version) ?? "");
  return old ? "0.5" : "1.0";
}

/**
 * OB 1.0 / 0.5 assertions (no @context), read into the same record shape as OB 2.0, the way the
 * 1EdTech validator upgrades them (openbadges-validator-core object_upgrades.py): `verify` is
 * `verification`, `uid` identifies the assertion when there is no hosted URL, 0.5's embedded
 * badge carries its issuer with an `origin`.
 */
export async function interpretOb2Legacy(assertion: Json, env: Env): Promise<InterpretedCredential> {
  const version = legacyVersion(assertion);
  const { badge, issuer, store } = await ob2BadgeAndIssuer(assertion, env);
  const verify = isRecord(assertion.verify) ? assertion.verify : {};
  const draft: RecordDraft = {
    format: "ob2",
    formatVersion: version,
    formatName: `Open Badges ${version} (legacy)`,
    ...ob2Securing(assertion, env),
    container: env.container,
    titleFallback: "Open Badge",
    ...badgeClassDraft(badge),
    credentialId: str(verify.url) ?? idOf(assertion) ?? str(assertion.uid),
    issuer: ob2Party(issuer),
    recipient: { identifiers: ob2Recipient(assertion.recipient, assertion.salt) },
    dates: { issued: assertion.issuedOn ?? assertion.issued_on, validUntil: assertion.expires },
    image: imageOf(env, assertion.image, badge.image),
    evidence: ob2Evidence(assertion),
    status: ob2Status(issuer),
  };
  return {
    record: finish(draft, env),
    payload: assertion,
    linked: Object.keys(store).length > 0 ? store : undefined,
    children: [],
  };
}
