/** Sends files or text to the import route; resolves to the job id, or throws the server's message. */
export async function startImport(body: FormData | { text: string }): Promise<string> {
  const response = await fetch("/api/imports", {
    method: "POST",
    body: body instanceof FormData ? body : JSON.stringify(body),
    headers: body instanceof FormData ? undefined : { "content-type": "application/json" },
  });
  const json = (await response.json().catch(() => ({}))) as { jobId?: string; error?: string };
  if (!response.ok || !json.jobId) throw new Error(json.error ?? "The import could not start. Try again.");
  return json.jobId;
}
