import type { ReactNode } from 'react';
import { cx } from '../../../lib/cx';

export type SelectFieldHandler = (path: string) => void;

/** System stacks close to what each wallet draws with (SF Pro on iOS, Google Sans/Roboto on Android). */
export const APPLE_FONT =
  '-apple-system, BlinkMacSystemFont, "SF Pro Text", "SF Pro Display", "Helvetica Neue", Helvetica, Arial, sans-serif';
export const GOOGLE_FONT = '"Google Sans", "Google Sans Text", Roboto, system-ui, "Segoe UI", Arial, sans-serif';

interface SelectableProps {
  /** Form path reported to `onSelect`. */
  path: string;
  /** What is edited, for the accessible name: "Edit {what}". */
  what: string;
  onSelect?: SelectFieldHandler | undefined;
  className?: string;
  align?: 'left' | 'center' | 'right';
  children: ReactNode;
}

const alignments = {
  left: 'text-left',
  center: 'text-center',
  right: 'text-right',
} as const;

/**
 * A part of a pass the user can click to jump to its input. Without `onSelect` it is a plain
 * span, so a read-only preview has no stray buttons. Children must be phrasing content (spans).
 */
export function Selectable({ path, what, onSelect, className, align = 'left', children }: SelectableProps) {
  if (!onSelect) return <span className={cx('block', alignments[align], className)}>{children}</span>;
  return (
    <button
      type="button"
      title={`Edit ${what}`}
      onClick={() => onSelect(path)}
      className={cx(
        // At least 24px tall: a comfortable target (WCAG 2.5.8) even for small captions.
        'block min-h-6 cursor-pointer rounded-[4px] outline-offset-2 transition-[outline-color] hover:outline-2 hover:outline-current/50 hover:outline-dashed',
        alignments[align],
        className,
      )}
    >
      <span className="sr-only">Edit {what}: </span>
      {children}
    </button>
  );
}

/** Shown after a link the pass may not use (not https, http, mailto or tel): drawn as text only. */
function BlockedLinkBadge() {
  return (
    <span className="ml-1.5 rounded bg-danger-50 px-1 py-px align-[1px] text-[10px] font-medium text-danger-700">
      blocked link
    </span>
  );
}

/**
 * A back-field link as the wallets show it: a live link when its scheme is allowed, inert text
 * marked as blocked otherwise. Each wallet passes its own type and colour.
 */
export function PreviewLinkText({
  link,
  className,
  linkClassName,
  textClassName,
  color,
}: {
  link: { text: string; href: string; safe: boolean };
  className: string;
  linkClassName?: string;
  textClassName: string;
  color: string;
}) {
  return link.safe ? (
    <a
      href={link.href}
      target="_blank"
      rel="noopener noreferrer"
      className={cx(className, linkClassName, 'hover:underline')}
      style={{ color }}
    >
      {link.text}
    </a>
  ) : (
    <span className={cx(className, textClassName)}>
      {link.text}
      <BlockedLinkBadge />
    </span>
  );
}

/**
 * The small "Edit" button after a back-field link: the link itself stays a live link, so jumping
 * to its inputs needs a control of its own. Each wallet passes its own greys.
 */
export function EditLinkButton({
  link,
  onSelect,
  className,
}: {
  link: { path: string; text: string };
  onSelect: SelectFieldHandler;
  className: string;
}) {
  return (
    <button type="button" onClick={() => onSelect(link.path)} title={`Edit link ${link.text}`} className={className}>
      <span className="sr-only">Edit link {link.text}</span>
      <span aria-hidden="true">Edit</span>
    </button>
  );
}
