/**
 * The only links a portfolio PDF carries are to our own pages (docs/threat-model.md G1): http(s) on the
 * configured origin. Anything else (javascript:, file:, another host) is printed as text with
 * no link annotation, so a PDF reader never gets an action to run or a file to open.
 */
export function ownLink(url: string, origin: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.origin === new URL(origin).origin ? parsed.toString() : null;
  } catch {
    return null;
  }
}
