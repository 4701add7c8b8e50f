import { ShareUnavailable } from "@/components/share-page/share-unavailable";

/** A page inside a share that does not exist (a credential it does not name): the gate's words, no holder data. */
export default function SharedNotFound() {
  return <ShareUnavailable problem="not-found" />;
}
