// A node:test reporter for `make test`: one line per run ("ui: 52 passed, 0 failed, 0 skipped"),
// and only when something fails, the failure with its error and what the tests printed.
// Used through NODE_OPTIONS=--test-reporter=… by the Makefile; `npm test` keeps node's own.
// The run's name is $REPORT_NAME (else "node").
import { basename } from 'node:path';

export default async function* quiet(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let printed = '';
  const failures = [];
  // Children finish before their parent: a test that finishes at a shallower nesting than the
  // one before it is a parent (its subtests were counted).
  let last = -1;
  const summary = function* () {
    if (failed) {
      yield `${failures.join('\n\n')}\n`;
      if (printed.trim()) yield `--- what the tests printed ---\n${printed}\n`;
    }
    yield `${process.env.REPORT_NAME ?? 'node'}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
  };
  let done = false;
  for await (const { type, data } of source) {
    if (type === 'test:stdout' || type === 'test:stderr') printed += data.message;
    // The run's closing diagnostics ("tests 6" … "todo 0"): report now, since
    // --test-force-exit may end the process before the stream does.
    if (type === 'test:diagnostic' && data.nesting === 0 && /^todo \d+$/.test(data.message) && !done) {
      done = true;
      yield* summary();
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const parent = data.nesting < last;
    last = data.nesting;
    if (data.details?.type === 'suite') continue;
    if (type === 'test:fail') {
      // A parent fails when a child does: report the child only.
      if (parent && failures.length) continue;
      failed++;
      const err = data.details?.error;
      const cause = err?.cause ?? err;
      failures.push(`✖ ${data.file ? basename(data.file) + ': ' : ''}${data.name}\n${indent(String(cause?.stack ?? cause?.message ?? cause))}`);
    } else if (!parent) {
      if (data.skip || data.todo) skipped++;
      else passed++;
    }
  }
  if (!done) yield* summary();
}

function indent(s) {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
