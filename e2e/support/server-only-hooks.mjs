/**
 * Module resolve hook for the Playwright processes only (registered by playwright.config.ts).
 * The e2e support code seeds wallets through the data layer, whose modules import the
 * "server-only" marker; resolved with React's server condition, as in the app's server build,
 * the marker is its empty module. The server under test is a separate process and is untouched.
 */
export async function resolve(specifier, context, next) {
  if (specifier === "server-only")
    return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return next(specifier, context);
}
