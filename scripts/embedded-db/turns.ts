/** Whose turn it is on the session, and who waits, first come first served. */
export class Turns {
  private holder: object | undefined;
  private waiting: Array<{ who: object; grant: () => void }> = [];

  take(who: object): Promise<void> {
    if (!this.holder || this.holder === who) {
      this.holder = who;
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ who, grant }));
  }

  give(who: object): void {
    if (this.holder !== who) return;
    const next = this.waiting.shift();
    this.holder = next?.who;
    next?.grant();
  }
}
