/** How long an emailed sign-in link works; pages say it, Auth.js enforces it (lib/auth/auth.ts). */
export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;
export const MAGIC_LINK_MINUTES = MAGIC_LINK_MAX_AGE_SECONDS / 60;
