// A vitest reporter for `make test`: one line ("unit: 116 passed, 0 failed, 0 skipped"), and
// the failures in full when there are any. `npm run test:unit` keeps vitest's own.
export default class Quiet {
  onTestRunEnd(modules, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const out = [];
    for (const m of modules) {
      for (const e of m.errors?.() ?? []) out.push(`✖ ${m.moduleId}\n    ${e.stack ?? e.message}`);
      for (const t of m.children.allTests()) {
        const r = t.result();
        if (r.state === 'passed') passed++;
        else if (r.state === 'failed') {
          failed++;
          const errs = (r.errors ?? []).map((e) => `    ${(e.stack ?? e.message ?? '').split('\n').join('\n    ')}`);
          out.push(`✖ ${m.moduleId}: ${t.fullName}\n${errs.join('\n')}`);
        } else skipped++;
      }
    }
    for (const e of unhandledErrors ?? []) out.push(`✖ unhandled: ${e.stack ?? e.message ?? e}`);
    if (out.length) console.log(out.join('\n\n'));
    console.log(`${process.env.REPORT_NAME ?? 'unit'}: ${passed} passed, ${failed + (unhandledErrors?.length ?? 0)} failed, ${skipped} skipped`);
  }
}
