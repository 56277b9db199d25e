import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, ROOT } from './helpers/paths.js';

/**
 * CLI golden scenarios (test/golden/*.golden): a command, optional environment, and the
 * exact exit code, stdout and stderr it must produce, run from test/fixtures/golden.
 * `UPDATE_GOLDEN=1 npx vitest run test/cli-golden.test.ts` rewrites them; review the diff.
 */
const GOLDEN = path.join(ROOT, 'test', 'golden');
const CWD = path.join(FIXTURES, 'golden');

interface Scenario {
  command: string;
  env: Record<string, string>;
  exit: string;
  stdout: string;
  stderr: string;
}

function parse(text: string): Scenario {
  const sections: Record<string, string> = {};
  const re = /^====(\w+)====\n([\s\S]*?)(?=^====\w+====\n|(?![\s\S]))/gm;
  for (const m of text.matchAll(re)) sections[m[1] as string] = m[2] as string;
  return {
    command: (sections['command'] ?? '').trim(),
    env: sections['env'] !== undefined ? (JSON.parse(sections['env']) as Record<string, string>) : {},
    exit: (sections['exit'] ?? '').trim(),
    stdout: sections['stdout'] ?? '',
    stderr: sections['stderr'] ?? '',
  };
}

function render(s: Scenario): string {
  const out = ['====command====', s.command];
  if (Object.keys(s.env).length > 0) out.push('====env====', JSON.stringify(s.env));
  return `${out.join('\n')}\n====exit====\n${s.exit}\n====stdout====\n${s.stdout}====stderr====\n${s.stderr}`;
}

/** Splits a command line on spaces (scenarios use no quoting). */
const argv = (command: string) => command.split(/\s+/).slice(1);

describe('CLI golden scenarios', () => {
  const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.golden')).sort();
  it.each(files)('%s', async (file) => {
    const full = path.join(GOLDEN, file);
    const scenario = parse(readFileSync(full, 'utf8'));
    const run = await runCli(argv(scenario.command), { cwd: CWD, env: scenario.env });
    const actual: Scenario = { ...scenario, exit: String(run.code), stdout: run.stdout, stderr: run.stderr };
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(full, render(actual));
    expect(render(actual)).toBe(render(scenario));
  });

  it('has scenarios for both formats in both languages', () => {
    for (const name of ['validate-stylish-vi', 'validate-stylish-en', 'validate-json-vi', 'validate-json-en']) {
      expect(files).toContain(`${name}.golden`);
    }
  });
});

describe('the json format is a contract', () => {
  it('is an array of {code, id, severity, message, file, line, column, endLine, endColumn, procedure, related, fingerprint} and nothing else — the shape check and import use too', async () => {
    const run = await runCli(['validate', '--format', 'json'], { cwd: CWD, env: {} });
    const parsed = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(parsed.length).toBeGreaterThan(3);
    for (const d of parsed) {
      expect(Object.keys(d)).toEqual(['code', 'id', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'procedure', 'related', 'fingerprint']);
      expect(d['line']).toBeGreaterThanOrEqual(1);
      expect(d['column']).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the installed command', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  });

  it('bin/tthc.js runs as a process with the same output and exit code', () => {
    let status = 0;
    let stdout = '';
    try {
      stdout = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'tthc.js'), 'validate', '--format', 'json', '--lang', 'en'], {
        cwd: CWD,
        env: { PATH: process.env['PATH'] ?? '' },
        encoding: 'utf8',
      });
    } catch (error) {
      const e = error as { status: number; stdout: string };
      status = e.status;
      stdout = e.stdout;
    }
    const golden = parse(readFileSync(path.join(GOLDEN, 'validate-json-en.golden'), 'utf8'));
    expect(String(status)).toBe(golden.exit);
    expect(stdout).toBe(golden.stdout);
  });
});
