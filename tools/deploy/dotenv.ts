import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Parses simple `.env` lines: `KEY=VALUE`, optional `export `, `#` comments, values optionally in single or
 * double quotes (double quotes understand \n). No interpolation: a secret containing `$` stays as it is.
 */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = line.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/);
    if (!match) continue;
    let value = match[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[match[1]] = value;
  }
  return out;
}

/** The repo root's `.env`, if there is one (it is git-ignored). */
export function loadDotEnv(root: string): Record<string, string> {
  const file = path.join(root, '.env');
  return fs.existsSync(file) ? parseDotEnv(fs.readFileSync(file, 'utf8')) : {};
}
