const bar = "animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800";

function CardSkeleton({ lines }: { lines: number }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className={`mb-4 h-6 w-48 ${bar}`} />
      <div className="flex flex-col gap-3">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={`h-4 ${i % 3 === 2 ? "w-2/3" : "w-full"} ${bar}`} />
        ))}
      </div>
    </div>
  );
}

/** The credential page's shape while it loads: header and cards the size of the real ones. */
export default function CredentialLoading() {
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <p role="status" className="sr-only">
        Loading the credential…
      </p>
      <div className="flex gap-4" aria-hidden="true">
        <div className={`h-24 w-24 shrink-0 rounded-2xl ${bar}`} />
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <div className={`h-4 w-24 ${bar}`} />
          <div className={`h-8 w-3/4 ${bar}`} />
          <div className={`h-5 w-1/2 ${bar}`} />
          <div className={`mt-2 h-6 w-40 rounded-full ${bar}`} />
        </div>
      </div>
      <div className="flex flex-col gap-6" aria-hidden="true">
        <CardSkeleton lines={5} />
        <CardSkeleton lines={6} />
        <CardSkeleton lines={4} />
      </div>
    </div>
  );
}
