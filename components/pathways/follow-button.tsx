"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { followPathwayAction, unfollowPathwayAction } from "@/app/(wallet)/pathways/actions";
import { callAction, failureMessage } from "@/components/credential/action-call";
import { Button } from "@/components/ui/button";

/**
 * Following moves a card to another section of the overview, which remounts this island there:
 * the pathway toggled last is remembered so its new button takes the focus back, instead of
 * dropping a keyboard or screen-reader user at the top of the page.
 */
let toggledLast: string | null = null;

export function FollowButton({ pathwayId, followed }: { pathwayId: string; followed: boolean }) {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (toggledLast !== pathwayId) return;
    toggledLast = null;
    button.current?.focus();
  }, [pathwayId, followed]);

  const toggle = useMutation({
    mutationFn: () =>
      callAction(() => (followed ? unfollowPathwayAction({ pathwayId }) : followPathwayAction({ pathwayId }))),
    onSuccess: () => {
      toggledLast = pathwayId;
      router.refresh();
    },
  });

  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          ref={button}
          type="button"
          variant={followed ? "secondary" : "primary"}
          aria-disabled={toggle.isPending || undefined}
          onClick={() => {
            if (!toggle.isPending) toggle.mutate();
          }}
        >
          {followed ? "Unfollow" : "Follow"}
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {toggle.isPending ? "Saving…" : ""}
      </p>
      {toggle.isError ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {failureMessage(toggle.error)}
        </p>
      ) : null}
    </div>
  );
}
