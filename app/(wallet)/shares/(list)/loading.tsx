const bar = "animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800";

function CardSkeleton() {
  return (
    <li className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className={`h-6 w-3/4 ${bar}`} />
      <div className={`h-6 w-48 rounded-full ${bar}`} />
      <div className={`h-4 w-2/3 ${bar}`} />
      <div className={`h-4 w-1/2 ${bar}`} />
      <div className={`h-4 w-3/5 ${bar}`} />
      <div className={`h-11 w-full rounded-lg ${bar}`} />
      <div className={`h-11 w-32 rounded-lg ${bar}`} />
    </li>
  );
}

/** The list's shape while the links load: header, then cards. */
export default function SharesLoading() {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading your share links…
      </p>
      <div aria-hidden="true">
        <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div className="flex flex-col gap-2">
            <div className={`h-9 w-32 ${bar}`} />
            <div className={`h-5 w-[min(20rem,70vw)] ${bar}`} />
          </div>
          <div className={`h-11 w-40 rounded-lg ${bar}`} />
        </div>
        <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <CardSkeleton />
          <CardSkeleton />
        </ul>
      </div>
    </div>
  );
}
