import { presentationResponse } from "../../../presentation-response";

/** One shared credential as a Verifiable Presentation signed by the holder (not a page view). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; credentialId: string }> }) {
  const { token, credentialId } = await params;
  return presentationResponse(request, token, credentialId);
}
