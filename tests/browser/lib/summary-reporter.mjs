// node --test reporter that writes one closing line: "browser: N passed, M failed[, K skipped]".
// Counts tests, not suites (describe blocks) or files; todo tests are reported separately
// and never count as passed.
export default async function* summary(source) {
  let passed = 0, failed = 0, skipped = 0, todo = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    if (d.details?.type === 'suite') continue;
    if (d.todo !== undefined && d.todo !== false) { todo++; continue; }
    if (d.skip !== undefined && d.skip !== false) { skipped++; continue; }
    if (event.type === 'test:pass') passed++; else failed++;
  }
  let line = `browser: ${passed} passed, ${failed} failed`;
  if (skipped) line += `, ${skipped} skipped`;
  yield line + '\n';
  if (todo) yield `(todo, not counted: ${todo})\n`;
}
