/**
 * The layering of tthc (DESIGN.md "Layers"), checked in CI by `npm run lint:layers`:
 *
 *   cli ─▶ report ─▶ {checks, workflow, import, engine, site, generate} ─▶ catalogue ─▶ diagnostics, i18n, util
 *                                  workflow ─▶ calendar (pure)
 *   cli ─▶ lsp (the language server, an edge like cli) ─▶ {checks, catalogue}
 *
 * A generated workflow module loads the workflow runtime, the calendar and xstate only.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles anywhere.', from: {}, to: { circular: true } },
    {
      name: 'nothing-imports-cli', severity: 'error',
      comment: 'Only the command line prints or exits; nothing below it may import it (the library entry exports no CLI).',
      from: { path: '^src/', pathNot: '^src/cli/' }, to: { path: '^src/cli/' },
    },
    {
      name: 'diagnostics-is-a-leaf', severity: 'error',
      comment: 'Diagnostics: types, message rendering and the code-registry interface; they know no layer.',
      from: { path: '^src/diagnostics/' }, to: { path: '^src/', pathNot: '^src/(diagnostics|i18n)/' },
    },
    {
      name: 'calendar-is-pure', severity: 'error',
      comment: 'The working-day calendar imports nothing of the project but itself.',
      from: { path: '^src/calendar/' }, to: { path: '^(src|generated)/', pathNot: '^src/calendar/' },
    },
    {
      name: 'util-and-i18n-are-leaves', severity: 'error',
      from: { path: '^src/(util|i18n)/' }, to: { path: '^src/', pathNot: '^src/(util|i18n)/' },
    },
    {
      name: 'catalogue-knows-no-consumer', severity: 'error',
      comment: 'The catalogue model (load, schema, model) imports no consumer layer.',
      from: { path: '^src/catalogue/' },
      to: { path: '^src/(checks|workflow|import|report|cli|engine|site|generate|server)/' },
    },
    {
      name: 'checks-return-data', severity: 'error',
      comment: 'Checks return data: they import neither the report layer nor the command line.',
      from: { path: '^src/checks/' }, to: { path: '^src/(report|cli|import|engine|site|generate)/' },
    },
    {
      name: 'cache-is-incremental-loading-and-checking', severity: 'error',
      comment: 'The cache (incremental session) sits on the catalogue and the checks; it formats and prints nothing, so a language server can reuse it.',
      from: { path: '^src/cache/' }, to: { path: '^src/(report|cli|import|engine|site|generate|server|workflow)/' },
    },
    {
      name: 'lower-layers-know-no-cache', severity: 'error',
      comment: 'The catalogue, the checks and the layers below them do not know the cache built on them.',
      from: { path: '^src/(catalogue|checks|diagnostics|util|i18n)/' }, to: { path: '^src/cache/' },
    },
    {
      name: 'import-formats-nothing', severity: 'error',
      from: { path: '^src/import/' }, to: { path: '^src/(report|cli|checks|engine|site|generate)/' },
    },
    {
      name: 'workflow-runtime-is-small', severity: 'error',
      comment: 'The workflow runtime needs the calendar and the condition evaluator, nothing of the loader, checks or importer.',
      from: { path: '^src/workflow/' },
      to: { path: '^src/', pathNot: '^src/(workflow|calendar|i18n|util)/|^src/catalogue/evaluate\\.ts$' },
    },
    {
      name: 'lsp-is-an-edge', severity: 'error',
      comment: 'The language server is an edge like the command line: only cli starts it (and the code registry lists its codes).',
      from: { path: '^src/', pathNot: '^src/(cli|lsp)/|^src/report/codes\\.ts$' }, to: { path: '^src/lsp/' },
    },
    {
      name: 'lsp-uses-catalogue-and-checks', severity: 'error',
      comment: 'The language server reads the catalogue and runs the checks; it needs no engine, importer, site or generator.',
      from: { path: '^src/lsp/' }, to: { path: '^src/(cli|engine|server|import|site|generate|simulate|workflow)/' },
    },
    {
      name: 'engine-never-checks', severity: 'error',
      from: { path: '^src/engine/' }, to: { path: '^src/(checks|import|report|cli|site|generate)/' },
    },
    {
      name: 'generated-workflow-loads-runtime-only', severity: 'error',
      comment: 'An application embedding one machine loads the workflow runtime, the calendar and xstate only.',
      from: { path: '^generated/workflows/' },
      to: { path: '^(src|generated)/', pathNot: '^src/(workflow|calendar|i18n|util)/|^src/catalogue/evaluate\\.ts$|^generated/(calendar|types|workflows)/|^generated/calendar\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.d.ts'] },
  },
};
