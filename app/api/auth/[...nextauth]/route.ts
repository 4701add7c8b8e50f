import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { guardMagicLinkRequest } from "@/lib/auth/sign-in-guard";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors/domain-error";
import { errorResponse } from "@/lib/http/route";

/**
 * Auth.js answers 500 to a `callbackUrl` query value it cannot parse as an http(s) URL
 * (".evil.test", "%zz", "java\nscript:…") before our redirect callback ever sees it;
 * docs/threat-model.md A4 wants such links to land on our origin instead, so the value is
 * made safe first.
 */
async function withSafeCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const value = request.nextUrl.searchParams.get("callbackUrl");
  if (value === null) return request;
  const safe = `${env.appUrl}${safeRedirectPath(value, env.appUrl)}`;
  if (safe === value) return request;
  const url = new URL(request.url);
  url.searchParams.set("callbackUrl", safe);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

export async function GET(request: NextRequest) {
  return handlers.GET(await withSafeCallbackUrl(request));
}

/** Direct posts to the email sign-in endpoint get the same validation and limits as our form. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const refused = await guardMagicLinkRequest(form?.get("email"), request.headers).then(
      () => null,
      (error: unknown) => {
        if (isDomainError(error)) return errorResponse(error);
        throw error;
      },
    );
    if (refused) return refused;
  }
  return handlers.POST(await withSafeCallbackUrl(request));
}
