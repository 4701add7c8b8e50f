import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { guardMagicLinkRequest } from "@/lib/auth/sign-in-guard";

export const GET = handlers.GET;

/** Direct posts to the email sign-in endpoint get the same validation and limits as our form. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const form = await request.clone().formData().catch(() => null);
    const verdict = await guardMagicLinkRequest(form?.get("email"), request.headers);
    if (!verdict.ok) return NextResponse.json({ error: verdict.message }, { status: verdict.status });
  }
  return handlers.POST(request);
}
