/** A progress line on a terminal (redrawn in place), or a line every 10% when output is a file. */
export function progressReporter(write: (s: string) => void, isTTY: boolean, total: number | null) {
  const started = performance.now();
  let lastDecile = -1;
  let lastDraw = 0;
  return {
    update(done: number, imported: number, skipped: number) {
      const secs = (performance.now() - started) / 1000;
      const rate = secs > 0 ? Math.round(done / secs) : 0;
      if (isTTY) {
        const now = performance.now();
        if (now - lastDraw < 100) return;
        lastDraw = now;
        const width = 30;
        const bar =
          total && total > 0
            ? `[${"#".repeat(Math.round((width * Math.min(done, total)) / total)).padEnd(width, " ")}] `
            : "";
        write(
          `\r${bar}${done}${total ? `/${total}` : ""} read, ${imported} imported, ${skipped} skipped, ${rate}/s   `,
        );
      } else if (total && total > 0) {
        const decile = Math.floor((10 * done) / total);
        if (decile > lastDecile) {
          lastDecile = decile;
          write(
            `${decile * 10}%: ${done}/${total} read, ${imported} imported, ${skipped} skipped, ${rate}/s\n`,
          );
        }
      }
    },
    finish() {
      if (isTTY) write("\n");
    },
  };
}
