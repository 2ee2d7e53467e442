// Main-thread CPU time of a page's renderer (DevTools Performance.getMetrics → ThreadTime), for
// benchmarks that must not count what else the machine is doing.

/** A function reading the page's main-thread CPU time so far, in ms. */
export async function threadTime(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

/** The median CPU time (ms) of `runs` calls of `step`: with an empty step, the overhead to subtract. */
export async function medianCpu(cpu, step, runs) {
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const a = await cpu();
    await step();
    ts.push((await cpu()) - a);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(runs / 2)];
}
