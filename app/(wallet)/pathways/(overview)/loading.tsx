const bar = "animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800";

function CardSkeleton() {
  return (
    <li className="flex h-60 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className={`h-5 w-3/4 ${bar}`} />
      <div className={`h-4 w-1/2 ${bar}`} />
      <div className={`mt-2 h-3 w-full rounded-full ${bar}`} />
      <div className={`h-4 w-2/3 ${bar}`} />
      <div className={`h-4 w-1/3 ${bar}`} />
      <div className={`mt-auto h-11 w-24 rounded-lg ${bar}`} />
    </li>
  );
}

/** The overview's shape while progress is computed: header, section headings and cards. */
export default function PathwaysLoading() {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading your pathways…
      </p>
      <div aria-hidden="true">
        <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div className="flex flex-col gap-2">
            <div className={`h-9 w-40 ${bar}`} />
            <div className={`h-5 w-[min(18rem,70vw)] ${bar}`} />
          </div>
          <div className={`h-11 w-32 rounded-lg ${bar}`} />
        </div>
        {[0, 1].map((section) => (
          <div key={section} className="mb-8 flex flex-col gap-3">
            <div className={`h-6 w-44 ${bar}`} />
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <CardSkeleton />
              <CardSkeleton />
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
