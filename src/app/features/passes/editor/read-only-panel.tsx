import { useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { formatCount, formatExact } from '../../../lib/format';
import { QrCode } from '../preview/qr-code';

function CopyButton({ value, what }: { value: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Copy ${what}`}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          window.setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

function LinkRow({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <dt className="text-xs font-medium text-ink-muted">{label}</dt>
      <dd className="mt-0.5 flex items-center gap-1">
        {value ? (
          <>
            <span className="min-w-0 flex-1 truncate font-mono text-xs text-ink" title={value}>
              {value}
            </span>
            <CopyButton value={value} what={label.toLowerCase()} />
          </>
        ) : (
          <span className="text-xs text-ink-subtle">Not available yet</span>
        )}
      </dd>
    </div>
  );
}

/** What the API sets and the marketer cannot change: links, counts and history. */
export function ReadOnlyPanel({ pass }: { pass: WalletPass }) {
  const counts = [
    { label: 'Apple issued', value: pass.appleIssuedCount },
    { label: 'Google issued', value: pass.googleIssuedCount },
    { label: 'Total issued', value: pass.totalIssuedCount },
    { label: 'Apple active', value: pass.appleActiveCount },
    { label: 'Google active', value: pass.googleActiveCount },
    { label: 'Total active', value: pass.totalActiveCount },
  ];
  return (
    <section
      aria-labelledby="pass-facts-title"
      className="rounded-card border border-surface-border bg-surface p-5 shadow-card"
    >
      <h2 id="pass-facts-title" className="text-base font-semibold text-ink">
        Links and activity
      </h2>
      <div className="mt-3 flex gap-4">
        <dl className="min-w-0 flex-1 space-y-3">
          <LinkRow label="Pass link" value={pass.passLink} />
          <LinkRow label="Google Wallet link" value={pass.googlePassLink} />
        </dl>
        {pass.passLink ? <QrCode value={pass.passLink} size={96} label="QR code of the pass link" /> : null}
      </div>
      <dl className="mt-4 grid grid-cols-3 gap-2">
        {counts.map((count) => (
          <div key={count.label} className="rounded-lg bg-surface-sunken px-2 py-1.5">
            <dt className="text-[11px] text-ink-muted">{count.label}</dt>
            <dd className="text-sm font-semibold text-ink tabular-nums">{formatCount(count.value)}</dd>
          </div>
        ))}
      </dl>
      <dl className="mt-4 space-y-1 text-xs text-ink-muted">
        <div className="flex gap-2">
          <dt>Created</dt>
          <dd className="text-ink">
            {formatExact(pass.createdTime)}
            {pass.createdBy ? <span className="text-ink-subtle"> by {pass.createdBy}</span> : null}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt>Last saved</dt>
          <dd className="text-ink">
            {formatExact(pass.updatedTime)}
            {pass.updatedBy ? <span className="text-ink-subtle"> by {pass.updatedBy}</span> : null}
          </dd>
        </div>
        {pass.account?.name ? (
          <div className="flex gap-2">
            <dt>Account</dt>
            <dd className="text-ink">{pass.account.name}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
