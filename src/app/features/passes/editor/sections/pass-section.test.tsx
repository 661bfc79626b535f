import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFieldError,
  expectNoFieldError,
  renderSection,
  savablePass,
} from '../../../../../testing/editor-harness';
import { PassSection } from './pass-section';

describe('PassSection', () => {
  it('submits the edited name, header and slug', async () => {
    const h = renderSection(<PassSection />);
    await h.user.clear(screen.getByLabelText('Pass name'));
    await h.user.type(screen.getByLabelText('Pass name'), 'Summer card');
    await h.user.clear(screen.getByLabelText('Notification header'));
    await h.user.type(screen.getByLabelText('Notification header'), 'SUMMER');
    await h.user.type(screen.getByLabelText('Pass link slug'), 'summer-card-2');
    await h.submit();
    expect(h.submitted()).toMatchObject({
      passName: 'Summer card',
      notificationHeader: 'SUMMER',
      passLinkSlug: 'summer-card-2',
    });
  });

  it('requires a pass name, on blur and on submit', async () => {
    const h = renderSection(<PassSection />);
    const name = screen.getByLabelText('Pass name');
    await h.user.clear(name);
    await h.user.tab();
    expectFieldError(name, 'Pass name is required');

    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expect(h.onInvalid).toHaveBeenCalledTimes(1);

    await h.user.type(name, '   ');
    expectFieldError(name, 'Pass name is required');
    await h.user.type(name, 'Card');
    expectNoFieldError(name);
  });

  it.each(['Summer Card', 'summer_card', 'summer--card', '-summer', 'été'])('refuses the slug %j', async (slug) => {
    const h = renderSection(<PassSection />);
    const input = screen.getByLabelText('Pass link slug');
    await h.user.type(input, slug);
    await h.user.tab();
    expectFieldError(input, 'Use lowercase letters, digits and dashes');
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it('accepts an empty slug and a well-formed one', async () => {
    const h = renderSection(<PassSection />);
    const input = screen.getByLabelText('Pass link slug');
    await h.user.type(input, 'Bad');
    await h.user.tab();
    expectFieldError(input, 'Use lowercase letters, digits and dashes');
    await h.user.clear(input);
    expectNoFieldError(input);
    await h.user.type(input, 'bean-and-bloom-2');
    expectNoFieldError(input);
    await h.submit();
    expect(h.submitted().passLinkSlug).toBe('bean-and-bloom-2');
  });

  it('refuses a stored notification header longer than 255 characters', async () => {
    const h = renderSection(<PassSection />, { pass: savablePass({ notificationHeader: 'N'.repeat(256) }) });
    await h.submit();
    expectFieldError(
      screen.getByLabelText('Notification header'),
      'Notification header must be at most 255 characters',
    );
    expect(h.onValid).not.toHaveBeenCalled();
  });
});
