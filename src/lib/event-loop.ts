/**
 * Lets the rest of the process run during a long synchronous loop. The post-build steps parse
 * hundreds of pages on Node's one thread while Chromium renders the preview images in the
 * background; Chromium is driven over the DevTools protocol from this same thread, so a loop that
 * never yields leaves it idle, waiting for its next command, until the loop ends.
 *
 * `const slice = timeSlicer()` and then `await slice()` in the loop: it yields to the event loop
 * (a macrotask, so I/O callbacks run) once `ms` have passed since the last yield, and otherwise
 * returns at once.
 */
export function timeSlicer(ms = 10, now: () => number = () => performance.now()): () => Promise<void> | undefined {
  let last = now();
  return () => {
    if (now() - last < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = now();
        resolve();
      }),
    );
  };
}
