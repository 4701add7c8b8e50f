import type { VerifyInput } from "@/lib/verification";
import type { InterpretedCredential } from "./formats";

/** What the verifier reads from an interpreted or stored credential: one mapping for every caller. */
export function toVerifyInput(
  item: Pick<InterpretedCredential, "record" | "payload" | "signed" | "linked">,
): VerifyInput {
  return {
    record: item.record,
    payload: item.payload,
    ...(item.signed ? { signed: item.signed } : {}),
    ...(item.linked ? { linked: item.linked } : {}),
  };
}
