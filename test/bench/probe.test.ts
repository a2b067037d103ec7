/**
 * The benchmark's probe over real HTTP against the emulator: it must tell sequential requests from parallel
 * ones (fed to the same `sequentialSteps` the conversation tests use) and count the TCP connections a
 * client opens, or the round-trip and keep-alive rows of `npm run bench` mean nothing.
 */
import * as http from 'node:http';
import { probePort, type HttpProbe } from '../../bench/lib/probe';
import { startEmulator, type Emulator } from '../../tools/spotify-emulator';
import { registerSecret } from '../support/log-capture';
import { sequentialSteps } from '../support/round-trips';

function get(url: string, token: string, agent: http.Agent | false): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('bench probe', () => {
  let emulator: Emulator;
  let probe: HttpProbe;
  let token: string;
  let url: string;
  beforeEach(async () => {
    emulator = await startEmulator();
    probe = probePort(Number(new URL(emulator.url).port));
    token = emulator.issueToken('demo');
    registerSecret(token);
    url = `${emulator.apiUrl}/me/player`;
  });
  afterEach(async () => {
    probe.close();
    await emulator.close();
  });

  test('three requests one after another are three steps, over one keep-alive connection', async () => {
    const agent = new http.Agent({ keepAlive: true });
    try {
      for (let i = 0; i < 3; i++) await get(url, token, agent);
    } finally {
      agent.destroy();
    }
    expect(probe.exchanges.map((e) => e.label)).toEqual(Array(3).fill('GET /v1/me/player'));
    expect(probe.exchanges.every((e) => e.ms >= 0)).toBe(true);
    expect(sequentialSteps(probe.exchanges)).toBe(3);
    expect(probe.connections).toBe(1);
    expect(emulator.log).toHaveLength(3);
  });

  test('three requests sent together are one step, and without keep-alive each opens a connection', async () => {
    await Promise.all([get(url, token, false), get(url, token, false), get(url, token, false)]);
    expect(sequentialSteps(probe.exchanges)).toBe(1);
    expect(probe.connections).toBe(3);
  });

  test('two in parallel, then one: two steps; reset forgets both counts', async () => {
    await Promise.all([get(url, token, false), get(url, token, false)]);
    await get(url, token, false);
    expect(sequentialSteps(probe.exchanges)).toBe(2);
    probe.reset();
    expect(probe.exchanges).toEqual([]);
    expect(probe.connections).toBe(0);
  });

  test('requests to other ports are not counted', async () => {
    const other = await startEmulator();
    try {
      const otherToken = other.issueToken('demo');
      registerSecret(otherToken);
      await get(`${other.apiUrl}/me/player`, otherToken, false);
    } finally {
      await other.close();
    }
    expect(probe.exchanges).toEqual([]);
    expect(probe.connections).toBe(0);
  });
});
