/**
 * `tthc/site` — the browsable catalogue (trang tra cứu thủ tục): a static site with search,
 * procedure pages, lifecycle diagrams and the reviewers' dashboard. A separate entry so that
 * `import 'tthc'` loads no browser driver.
 *
 * @example
 * import { buildSite } from 'tthc/site';
 *
 * @packageDocumentation
 */
export { buildSite, type SiteOptions, type SiteReport } from './site/build.js';
