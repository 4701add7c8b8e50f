import "server-only";
import { env } from "@/lib/env";
import { consumeAllowance } from "@/lib/http/allowance";

/** Per-client allowance for the public verify API; returns seconds to wait, or 0 when allowed. */
export function consumeVerifyAllowance(client: string): Promise<number> {
  return consumeAllowance("verify-api", env.verifyApiLimitPerMinute, client);
}
