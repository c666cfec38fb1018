// One job at a time in the service worker, so a retry alarm, a start-up check and a popup's
// request never read and write the same stored lists at once.
export function serially(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>) => {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
}
