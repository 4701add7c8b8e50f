import fs from "node:fs";

/**
 * CPU time a process has used so far, in ms, summed over its threads (Linux /proc schedstat,
 * nanosecond resolution; undefined elsewhere). Unlike wall-clock latency it does not grow when
 * other work on the machine competes for the cores, so it tells "slow" from "busy machine".
 */
export function processCpuMs(pid: number): number | undefined {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let ns = 0;
  for (const task of tasks) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended in between
    }
  }
  return ns / 1e6;
}
