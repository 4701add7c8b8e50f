/** Request headers of the share page's internal render (serve.ts); plain constants so the proxy can strip them without loading the database. */
export const INTERNAL_SECRET_HEADER = "x-tessera-render-secret";
export const INTERNAL_RENDER_HEADER = "x-tessera-internal-render";
