import { presentationResponse } from "../presentation-response";

/**
 * The whole share as one W3C Verifiable Presentation signed by the holder: each credential in its
 * original signed form (lib/shares/presentation.ts says what is left out and why), and the holder's
 * authentication proof (lib/shares/holder-proof.ts). Not a page view.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return presentationResponse(request, token);
}
