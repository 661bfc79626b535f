import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PassChecksPanel, checksSummary } from './pass-checks-panel';
import type { PassCheck } from './pass-checks';

const checks: PassCheck[] = [
  {
    id: 'change-message:passMetadata.secondaryFields.1.changeMessage',
    severity: 'error',
    message: 'Secondary field 2: the change message needs %@ where the new value goes.',
    path: 'passMetadata.secondaryFields.1.changeMessage',
    platform: 'apple',
  },
  {
    id: 'image-missing:images.logo',
    severity: 'error',
    message: 'Logo: add logo.png; a pass cannot be published without it.',
    path: 'images.logo',
    platform: 'both',
  },
  {
    id: 'qr-missing:passMetadata.qrUrl',
    severity: 'warning',
    message: 'QR code: add the QR content.',
    path: 'passMetadata.qrUrl',
    platform: 'both',
  },
];

describe('checksSummary', () => {
  it('counts each kind with the right plural', () => {
    expect(checksSummary(checks)).toBe('2 errors, 1 warning');
    expect(checksSummary(checks.slice(0, 1))).toBe('1 error');
    expect(checksSummary(checks.slice(2))).toBe('1 warning');
    expect(checksSummary([])).toBe('');
  });
});

describe('PassChecksPanel', () => {
  it('names the section with the counts', () => {
    render(<PassChecksPanel checks={checks} onSelect={() => {}} />);
    const region = screen.getByRole('region', { name: /pass checks/i });
    expect(region).toHaveAccessibleName('Pass checks: 2 errors, 1 warning');
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('2 errors, 1 warning');
  });

  it('lists errors apart from warnings, labelled in words', () => {
    render(<PassChecksPanel checks={checks} onSelect={() => {}} />);
    const errors = screen.getByRole('list', { name: /errors/i });
    const warnings = screen.getByRole('list', { name: /warnings/i });
    const errorItems = within(errors).getAllByRole('button');
    expect(errorItems).toHaveLength(2);
    expect(errorItems[0]).toHaveAccessibleName(
      'Error: Secondary field 2: the change message needs %@ where the new value goes. (Apple Wallet)',
    );
    expect(errorItems[1]).toHaveAccessibleName(
      'Error: Logo: add logo.png; a pass cannot be published without it. (Apple Wallet and Google Wallet)',
    );
    const [warning] = within(warnings).getAllByRole('button');
    expect(warning).toHaveAccessibleName(/^Warning: QR code: add the QR content\./);
    expect(warning).toHaveAccessibleDescription('Go to field');
  });

  it('leaves out an empty group', () => {
    render(<PassChecksPanel checks={checks.slice(2)} onSelect={() => {}} />);
    expect(screen.queryByRole('list', { name: /errors/i })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: /warnings/i })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/1 warning$/);
  });

  it('calls onSelect with the path on click', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<PassChecksPanel checks={checks} onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: /Logo: add logo\.png/ }));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('images.logo');
  });

  it('calls onSelect with the path from the keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<PassChecksPanel checks={checks} onSelect={onSelect} />);
    await user.tab();
    expect(screen.getByRole('button', { name: /Secondary field 2/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('passMetadata.secondaryFields.1.changeMessage');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('passMetadata.qrUrl');
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('shows the empty state when there is nothing to fix', () => {
    render(<PassChecksPanel checks={[]} onSelect={() => {}} />);
    const region = screen.getByRole('region', { name: 'Pass checks' });
    expect(region).toHaveTextContent('No problems found: the pass meets Apple Wallet and Google Wallet rules.');
    expect(within(region).queryByRole('list')).not.toBeInTheDocument();
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
  });
});
