/**
 * The CPU time (user + system, all threads) this process spends in `run`, in milliseconds: what an
 * algorithm costs, whatever else the machine is running at the time. A linear-time bound asserted on
 * it holds on a loaded machine, where wall time would measure the other tests too.
 */
export function cpuMs<T>(run: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = run();
  const { user, system } = process.cpuUsage(before);
  return { value, ms: (user + system) / 1000 };
}
