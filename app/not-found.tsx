import { Logo } from "@/components/brand/logo";
import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-5 px-5">
      <Logo />
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="text-slate-700 dark:text-slate-300">
        There is nothing here. The link may be mistyped, or what it pointed to was moved or deleted.
      </p>
      <div>
        <ButtonLink href="/">Go to the home page</ButtonLink>
      </div>
    </main>
  );
}
