import { errorMessage } from "./error-message";

/** Steps to undo, run once, last first; every open scope is closed on Ctrl-C. */
export class Scope {
  private steps: (() => Promise<void> | void)[] = [];
  private closing: Promise<void> | undefined;
  static readonly open = new Set<Scope>();
  constructor() {
    Scope.open.add(this);
  }
  defer(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`cleanup: ${errorMessage(error)}`);
        }
      }
      Scope.open.delete(this);
    })());
  }
}
