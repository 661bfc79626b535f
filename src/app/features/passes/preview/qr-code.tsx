import { memo, useMemo } from 'react';
import { encode } from 'uqr';
import { cx } from '../../../lib/cx';

/** Modules of light margin around the code, as the QR spec asks for reliable scanning. */
export const QR_QUIET_ZONE = 4;

interface QrMatrix {
  /** `true` = dark module; excludes the quiet zone. */
  modules: boolean[][];
  size: number;
}

/** Encodes `value`, or null when it is empty or too long for any QR version. */
function encodeQr(value: string): QrMatrix | null {
  if (value.length === 0) return null;
  try {
    const { data, size } = encode(value, { ecc: 'M', border: 0 });
    return { modules: data, size };
  } catch {
    return null;
  }
}

/**
 * One SVG path for all dark modules: each horizontal run of dark modules becomes one rectangle,
 * offset by the quiet zone. Coordinates are in modules, so the path stays small and crisp.
 */
function qrPath({ modules }: QrMatrix): string {
  let d = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  });
  return d;
}

interface QrCodeProps {
  value: string | null | undefined;
  /** Rendered width and height in CSS pixels, quiet zone included. */
  size: number;
  /** Accessible description; "QR code" is always part of it. */
  label?: string;
  className?: string;
}

export const QrCode = memo(function QrCode({ value, size, label, className }: QrCodeProps) {
  const text = value ?? '';
  const matrix = useMemo(() => encodeQr(text), [text]);
  const path = useMemo(() => (matrix ? qrPath(matrix) : ''), [matrix]);
  const name = label ? `QR code: ${label}` : 'QR code';

  if (!matrix) {
    return (
      <div
        role="img"
        aria-label={text ? `${name} (too long to encode)` : `${name} (empty)`}
        className={cx(
          'flex items-center justify-center rounded-md border border-dashed border-neutral-300 bg-neutral-50 p-3 text-center text-xs font-medium text-neutral-500',
          className,
        )}
        style={{ width: size, height: size }}
      >
        {text ? 'Too long for a QR code' : 'No QR content'}
      </div>
    );
  }

  const extent = matrix.size + QR_QUIET_ZONE * 2;
  return (
    <svg
      role="img"
      aria-label={name}
      viewBox={`0 0 ${extent} ${extent}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className={cx('block', className)}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
});
