"use client";

import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { MAX_ARCHIVE_BYTES, MAX_IMPORT_FILE_BYTES } from "@/lib/credentials/limits";
import { ImportProgress } from "./import-progress";
import { startImport } from "./start-import";

const MB = 1024 * 1024;
const isArchive = (file: File) => /\.zip$/i.test(file.name) || file.type === "application/zip";
const oversizeMessage = (file: File) =>
  `“${file.name}” is ${Math.round(file.size / MB)} MB; Tessera accepts ${isArchive(file) ? "archives up to 200 MB" : "files up to 10 MB"}. Nothing was imported.`;

const ACCEPT = ".json,.jsonld,.jwt,.txt,.png,.svg,.xml,.zip,application/json,image/png,image/svg+xml,application/zip";

/** Drag and drop or choose files: single credentials, many at once, or a zip archive. */
export function FileImport() {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useMutation({
    mutationFn: (files: File[]) => {
      const form = new FormData();
      for (const file of files) form.append("files", file);
      return startImport(form);
    },
  });

  const [tooLarge, setTooLarge] = useState<string | null>(null);

  function send(list: FileList | null) {
    const files = list ? Array.from(list) : [];
    // Refuse oversized files before spending the holder's mobile data; the server checks again.
    const oversized = files.find((f) => f.size > (isArchive(f) ? MAX_ARCHIVE_BYTES : MAX_IMPORT_FILE_BYTES));
    setTooLarge(oversized ? oversizeMessage(oversized) : null);
    if (files.length > 0 && !oversized) upload.mutate(files);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files);
  }

  return (
    <div className="flex flex-col gap-4">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed px-4 py-8 text-center ${dragging ? "border-brand-600 bg-brand-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-700"}`}
      >
        <Upload className="h-8 w-8 text-brand-700 dark:text-brand-300" aria-hidden="true" />
        <p>Drop badge images, credential files or a zip archive here</p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          className="peer sr-only"
          onChange={(e) => {
            send(e.target.files);
            e.target.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className="inline-flex min-h-11 cursor-pointer items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 hover:bg-brand-800 dark:bg-brand-300 dark:text-slate-950"
        >
          Choose files
        </label>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          PNG or SVG badges, JSON, JWT, XML, or a zip of up to 1,000 files
        </p>
      </div>
      {upload.isPending ? <p role="status">Uploading…</p> : null}
      {tooLarge ? <Alert tone="error">{tooLarge}</Alert> : null}
      {upload.error ? <Alert tone="error">{upload.error.message}</Alert> : null}
      {upload.data ? <ImportProgress key={upload.data} jobId={upload.data} /> : null}
    </div>
  );
}
