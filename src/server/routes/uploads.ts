/**
 * `POST /v1/uploads` (multipart field `file`) and the public `GET /files/{key}.png`.
 * Only PNGs are kept, recognised by their bytes rather than their name; the key is ours and
 * random, which is what lets an `<img>` load the file without credentials.
 */
import { Hono } from 'hono';
import type { UploadResponse } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import { MAX_UPLOAD_REQUEST_BYTES, readLimited, tooLarge } from '../body-limit';
import { invalidInput, notFound } from '../errors';
import { methodNotAllowed, requestOrigin } from '../http';
import type { PublicOrigin } from '../http';
import { multipartField } from '../multipart';
import { checkPngPixelData, purePng, readPngInfo } from '../png';
import type { SandboxStore } from '../store/sandbox-store';
import { fileUrl } from './views';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/**
 * Uploads read, checked and stored at the same time. Each holds its body (up to 5 MB) while its
 * PNG data is inflated and counted; the others wait with their bodies unread (the socket is
 * paused, so the bytes stay with the sender). Each slot reads into the same two buffers every
 * time (the body, the PNG as stored), so a burst of uploads does not leave 10 MB of garbage per
 * upload for the collector: memory stays flat.
 */
export const MAX_CONCURRENT_UPLOADS = 2;
const TOO_LARGE = `The file must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
const NOT_MULTIPART = 'Send the image as multipart/form-data in the field "file"';

export function uploadRoutes(store: SandboxStore, publicOrigin?: PublicOrigin): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const slots = new Slots(MAX_CONCURRENT_UPLOADS);

  app.post('/', async (c) => {
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    // Refused by its declared size without waiting for a slot: the body is drained, not kept.
    if (declared > MAX_UPLOAD_REQUEST_BYTES) {
      const read = await readLimited(c.req.raw, MAX_UPLOAD_REQUEST_BYTES);
      if (!read.ok) throw tooLarge(read, { file: TOO_LARGE });
    }
    return slots.run(async (buffers) => {
      const read = await readLimited(c.req.raw, MAX_UPLOAD_REQUEST_BYTES, buffers.body);
      if (!read.ok) throw tooLarge(read, { file: TOO_LARGE });
      const file = multipartField(c.req.header('content-type'), read.bytes, 'file');
      if (!file) throw invalidInput({ file: NOT_MULTIPART });
      if (file.byteLength > MAX_UPLOAD_BYTES) throw tooLarge({ drained: true }, { file: TOO_LARGE });
      const info = readPngInfo(file);
      if (!info.ok) throw invalidInput({ file: info.reason });
      const pixels = await checkPngPixelData(info);
      if (!pixels.ok) throw invalidInput({ file: pixels.reason });
      const png = purePng(file, info, buffers.png);
      const key = store.saveUpload(c.get('auth').workspaceId, png, info.width, info.height);
      const body: UploadResponse = { key, url: fileUrl(requestOrigin(c, publicOrigin), key) };
      return c.json(body);
    });
  });
  app.all('/', methodNotAllowed(['POST']));

  return app;
}

interface SlotBuffers {
  body: Uint8Array<ArrayBuffer>;
  png: Uint8Array<ArrayBuffer>;
}

/** At most `size` tasks at a time, each with a slot's buffers (made on first use); the rest wait in order. */
class Slots {
  readonly #free: (SlotBuffers | undefined)[];
  readonly #waiting: ((slot: SlotBuffers | undefined) => void)[] = [];

  constructor(size: number) {
    this.#free = Array.from({ length: size }, () => undefined);
  }

  async run<T>(task: (buffers: SlotBuffers) => Promise<T>): Promise<T> {
    let slot =
      this.#free.length > 0
        ? this.#free.pop()
        : await new Promise<SlotBuffers | undefined>((resolve) => this.#waiting.push(resolve));
    slot ??= { body: new Uint8Array(MAX_UPLOAD_REQUEST_BYTES), png: new Uint8Array(MAX_UPLOAD_REQUEST_BYTES) };
    try {
      return await task(slot);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(slot);
      else this.#free.push(slot);
    }
  }
}

export function fileRoutes(store: SandboxStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.on(['GET', 'HEAD'], '/:file', (c) => {
    const file = c.req.param('file');
    const match = /^([A-Za-z0-9_-]+)\.png$/.exec(file);
    const key = match?.[1];
    const png = key ? store.uploadPng(key) : undefined;
    if (!key || !png) throw notFound({ file });
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      // Shown, never saved under a name of the client's: the stored name is ours.
      'Content-Disposition': `inline; filename="${key}.png"`,
      // Keys are never reused for other content, so the bytes behind a URL never change.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
  app.all('/:file', methodNotAllowed(['GET', 'HEAD']));
  return app;
}
