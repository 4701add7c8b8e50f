/** Where share links live: /v/<token>, its credentials, downloads and images. */

const SHARE_PATH = /^\/v\/([^/]+)(\/.*)?$/;

export function isSharePath(pathname: string): boolean {
  return pathname === "/v" || pathname.startsWith("/v/");
}

export function shareTokenFromPath(pathname: string): { token: string; rest: string } | null {
  const match = SHARE_PATH.exec(pathname);
  return match ? { token: match[1]!, rest: match[2] ?? "" } : null;
}

export const sharePagePath = (token: string) => `/v/${token}`;
export const sharedCredentialPath = (token: string, credentialId: string) => `/v/${token}/c/${credentialId}`;
export const sharedImagePath = (token: string, credentialId: string) => `/v/${token}/c/${credentialId}/image`;
export const sharedOriginalPath = (token: string, credentialId: string) => `/v/${token}/c/${credentialId}/original`;
export const sharedEvidencePath = (token: string, credentialId: string, evidenceId: string) =>
  `/v/${token}/c/${credentialId}/evidence/${evidenceId}`;
export const sharedPresentationPath = (token: string) => `/v/${token}/presentation.json`;
export const sharedCredentialPresentationPath = (token: string, credentialId: string) =>
  `/v/${token}/c/${credentialId}/presentation.json`;
