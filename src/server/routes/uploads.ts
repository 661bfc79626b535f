/**
 * `POST /v1/uploads` (multipart field `file`) and the public `GET /files/{key}.png`.
 * Only PNGs are kept, recognised by their bytes rather than their name; the key is ours and
 * random, which is what lets an `<img>` load the file without credentials.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { UploadResponse } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import { invalidInput, notFound, payloadTooLarge } from '../errors';
import { errorResponse, requestOrigin } from '../http';
import type { PublicOrigin } from '../http';
import { checkPngPixelData, readPngInfo } from '../png';
import type { SandboxStore } from '../store/sandbox-store';
import { fileUrl } from './views';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Multipart framing around the file: boundaries and part headers. */
const MULTIPART_OVERHEAD = 64 * 1024;
const TOO_LARGE = `The file must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

export function uploadRoutes(store: SandboxStore, publicOrigin?: PublicOrigin): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(
    '/',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD,
      onError: (c) => errorResponse(c, payloadTooLarge({ file: TOO_LARGE })),
    }),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch (error) {
        if (error instanceof Error && error.name === 'BodyLimitError') throw error;
        throw invalidInput({ file: 'Send the image as multipart/form-data in the field "file"' });
      }
      const file = form.get('file');
      if (!(file instanceof File))
        throw invalidInput({ file: 'Send the image as multipart/form-data in the field "file"' });
      if (file.size > MAX_UPLOAD_BYTES) throw payloadTooLarge({ file: TOO_LARGE });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const info = readPngInfo(bytes);
      if (!info.ok) throw invalidInput({ file: info.reason });
      const pixels = await checkPngPixelData(info);
      if (!pixels.ok) throw invalidInput({ file: pixels.reason });
      const key = store.saveUpload(c.get('auth').workspaceId, bytes, info.width, info.height);
      const body: UploadResponse = { key, url: fileUrl(requestOrigin(c, publicOrigin), key) };
      return c.json(body);
    },
  );

  return app;
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
  return app;
}
