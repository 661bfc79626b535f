/**
 * Uploads cost what they should: 20 uploads of 4.8 MB at once keep the server process under
 * 200 MB of RSS, during and after. Measured on the real entry point in its own process.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_ALL, PNG_FILE_SIGNATURE, pngChunk, pngForm, runMain, seedTestData, tempDir } from './server.test-utils';
import type { MainProcess } from './server.test-utils';

const MB = 1024 * 1024;
const RSS_LIMIT_MB = 200;

/** An RGBA PNG of random pixels: noise does not compress, so the file is about width × height × 4. */
function noisePng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = randomBytes(height * (1 + width * 4));
  for (let y = 0; y < height; y++) raw[y * (1 + width * 4)] = 0; // filter byte: none
  return Buffer.concat([
    PNG_FILE_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 1 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

function rssMb(pid: number): number {
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

let main: MainProcess | undefined;
afterAll(() => {
  main?.process.kill('SIGKILL');
});

describe('upload memory', () => {
  it(`20 concurrent uploads of 4.8 MB keep RSS under ${RSS_LIMIT_MB} MB`, { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    await seedTestData(dataDir);
    main = await runMain(dataDir);
    const pid = main.process.pid ?? 0;
    const png = noisePng(1150, 1093);
    expect(png.length).toBeGreaterThan(4.7 * MB);
    expect(png.length).toBeLessThan(5 * MB);

    const samples: number[] = [rssMb(pid)];
    const sampler = setInterval(() => samples.push(rssMb(pid)), 50);
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${main?.url}/v1/uploads`, { method: 'POST', headers: { 'api-key': KEY_ALL }, body: pngForm(png) }),
        ),
      );
      for (const answer of answers) expect(answer.status).toBe(200);
      await Promise.all(answers.map((a) => a.arrayBuffer()));
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      clearInterval(sampler);
    }
    samples.push(rssMb(pid));
    const peak = Math.max(...samples);
    const after = samples.at(-1) ?? 0;
    console.log(
      `upload memory: start ${samples[0]?.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${after.toFixed(0)} MB`,
    );
    expect(peak).toBeLessThan(RSS_LIMIT_MB);
    expect(after).toBeLessThan(RSS_LIMIT_MB);
  });
});
