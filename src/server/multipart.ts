/**
 * One file field out of a `multipart/form-data` body that is already in memory, as a view into
 * that body (no copy). Uploads are the one multipart request the API takes; the platform's
 * FormData would copy the body into a Blob and again into an ArrayBuffer, three times the
 * memory of an upload that is held while its PNG is checked.
 */
const CRLF = Buffer.from('\r\n');

export function multipartField(
  contentType: string | undefined,
  body: Uint8Array,
  field: string,
): Uint8Array | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundaryText = match?.[1] ?? match?.[2];
  if (!boundaryText) return undefined;
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const boundary = Buffer.from(`--${boundaryText}`);
  const delimiter = Buffer.concat([CRLF, boundary]);
  let position = buf.indexOf(boundary);
  while (position !== -1) {
    const afterBoundary = position + boundary.length;
    // `--` after a boundary closes the body.
    if (buf[afterBoundary] === 0x2d && buf[afterBoundary + 1] === 0x2d) return undefined;
    const headersEnd = buf.indexOf('\r\n\r\n', afterBoundary);
    if (headersEnd === -1) return undefined;
    const next = buf.indexOf(delimiter, headersEnd + 4);
    if (next === -1) return undefined;
    const headers = buf.toString('latin1', afterBoundary, headersEnd);
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*name=([^;\s]+)/i.exec(disposition)?.[1];
    if (name === field) return body.subarray(headersEnd + 4, next);
    position = next + CRLF.length;
  }
  return undefined;
}
