/**
 * Drop stale results: when requests overlap, only the most recently started one may publish.
 * A slow query for an old filter never overwrites the result of a newer one.
 */
export function latestOnly() {
  let current = 0;
  return async function run<T>(work: () => Promise<T>, publish: (value: T) => void): Promise<boolean> {
    const id = ++current;
    const value = await work();
    if (id !== current) return false;
    publish(value);
    return true;
  };
}
