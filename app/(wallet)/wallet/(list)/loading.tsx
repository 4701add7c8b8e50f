import { CardSkeletons } from "@/components/wallet/card-skeletons";

export default function WalletLoading() {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading your wallet…
      </p>
      <div className="mb-6 h-9 w-56 animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      <div className="mb-6 grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7" aria-hidden="true">
        {Array.from({ length: 7 }, (_, i) => (
          <div
            key={i}
            className="h-16 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none dark:bg-slate-800"
          />
        ))}
      </div>
      <CardSkeletons />
    </div>
  );
}
