/** Posts the layout and the link's token to the PDF route and saves the answer as a file. */
export async function downloadPortfolioPdf(fields: Record<string, string>): Promise<void> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  let response: Response;
  try {
    response = await fetch("/api/portfolio/pdf", { method: "POST", body, cache: "no-store" });
  } catch {
    throw new Error("Tessera could not be reached. Check your connection and try again.");
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(problem?.error ?? "The PDF could not be made. Please try again.");
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "portfolio.pdf";
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the object URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
