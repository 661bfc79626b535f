import { toSaveDocument } from '../../model/form-model';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type BackField, WalletPassSchema } from '../../../../../contract/schemas';
import example from '../../../../../testing/example-pass.json';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
} from '../../../../../testing/editor-harness';
import { BackFieldsSection } from './back-fields-section';

const LINK_MESSAGE = 'Use an https:, http:, mailto: or tel: link';

const backFields = (): BackField[] => [
  {
    key: 'b1',
    label: 'Back 1',
    changeMessage: '',
    value: [
      { text: 'One', link: 'https://one.example/' },
      { text: 'Two', link: 'https://two.example/' },
    ],
  },
  { key: 'b2', label: 'Back 2', changeMessage: '', value: [{ text: 'Three', link: 'https://three.example/' }] },
];

function renderBack(fields: BackField[] = backFields()) {
  return renderSection(<BackFieldsSection />, {
    pass: passWithMetadata({ topField: { key: 'points' }, secondaryFields: [], backFields: fields }),
  });
}

const group = (name: string) => screen.getByRole('group', { name });
const linkInput = (field: number, link: number) =>
  within(group(`Back field ${field} link ${link}`)).getByLabelText('Link', { exact: true });
const linkText = (field: number, link: number) =>
  within(group(`Back field ${field} link ${link}`)).getByLabelText('Link text');

describe('BackFieldsSection', () => {
  it('adds a back field with one link to fill in', async () => {
    const h = renderBack();
    await h.user.click(screen.getByRole('button', { name: 'Add back field' }));
    const added = group('Back field 3');
    expect(within(added).getByLabelText('Key')).toHaveValue('back4');
    expect(linkInput(3, 1)).toHaveValue('https://');

    // The starting link is a prompt, not a valid link.
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expectFieldError(linkText(3, 1), 'Link text is required');
    expectFieldError(linkInput(3, 1), 'Link is empty');

    await h.user.type(linkText(3, 1), 'Menu');
    await h.user.type(linkInput(3, 1), 'menu.example/today');
    await h.submit();
    expect(h.submitted().passMetadata.backFields?.[2]).toMatchObject({
      key: 'back4',
      value: [{ text: 'Menu', link: 'https://menu.example/today' }],
    });
  });

  it('shows no error on a new back field or link until the user leaves it or saves', async () => {
    const h = renderBack();
    await h.user.click(screen.getByRole('button', { name: 'Add back field' }));
    await h.user.click(screen.getByRole('button', { name: '+ Add link to back field 1' }));
    // The form checked both lists as the rows came: their errors wait for the user.
    await waitFor(() => expect(h.onInvalid).not.toHaveBeenCalled());
    for (const input of [linkText(3, 1), linkInput(3, 1), linkText(1, 3), linkInput(1, 3)]) {
      expectNoFieldError(input);
    }
    expect(screen.queryByText('Link is empty')).not.toBeInTheDocument();
    expect(screen.queryByText('Link text is required')).not.toBeInTheDocument();

    // Leaving one field shows its own error only.
    await h.user.click(linkText(1, 3));
    await h.user.tab();
    expectFieldError(linkText(1, 3), 'Link text is required');
    expectNoFieldError(linkInput(3, 1));

    await h.submit();
    expectFieldError(linkInput(3, 1), 'Link is empty');
  });

  it('puts https:// before a bare host when the link is left, and says so', async () => {
    const h = renderBack();
    const input = linkInput(1, 1);
    await h.user.clear(input);
    await h.user.type(input, 'www.example.com');
    expect(screen.queryByText('Added https://')).not.toBeInTheDocument();
    await h.user.tab();
    expect(input).toHaveValue('https://www.example.com');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Added https://'));
    expectNoFieldError(input);

    // A link, or an empty value, is left as it is and the note goes.
    await h.user.clear(input);
    await h.user.type(input, 'mailto:desk@example.com');
    await h.user.tab();
    expect(input).toHaveValue('mailto:desk@example.com');
    expect(screen.queryByText('Added https://')).not.toBeInTheDocument();
    await h.user.clear(linkInput(1, 2));
    await h.user.tab();
    expect(linkInput(1, 2)).toHaveValue('');
    expectFieldError(linkInput(1, 2), 'Link is empty');

    await h.user.clear(linkInput(1, 2));
    await h.user.type(linkInput(1, 2), 'shop.example:8080/menu');
    await h.user.tab();
    await h.submit();
    expect(h.submitted().passMetadata.backFields?.[0]?.value).toMatchObject([
      { link: 'mailto:desk@example.com' },
      { link: 'https://shop.example:8080/menu' },
    ]);
  });

  it('removes a back field', async () => {
    const h = renderBack();
    await h.user.click(screen.getByRole('button', { name: 'Remove back field 1' }));
    expect(screen.queryByRole('group', { name: 'Back field 2' })).not.toBeInTheDocument();
    expect(within(group('Back field 1')).getByLabelText('Key')).toHaveValue('b2');
    await h.submit();
    expect(h.submitted().passMetadata.backFields?.map((f) => f.key)).toEqual(['b2']);
  });

  it('moves back fields, links and all', async () => {
    const h = renderBack();
    expect(screen.getByRole('button', { name: 'Move back field 1 up' })).toBeDisabled();
    await h.user.click(screen.getByRole('button', { name: 'Move back field 1 down' }));
    expect(within(group('Back field 1')).getByLabelText('Key')).toHaveValue('b2');
    expect(linkText(1, 1)).toHaveValue('Three');
    expect(linkText(2, 2)).toHaveValue('Two');
    await h.submit();
    expect(h.submitted().passMetadata.backFields?.map((f) => f.key)).toEqual(['b2', 'b1']);
  });

  it('adds, moves and removes the links of one back field', async () => {
    const h = renderBack();
    await h.user.click(screen.getByRole('button', { name: '+ Add link to back field 1' }));
    expect(linkInput(1, 3)).toHaveValue('https://');
    await h.user.type(linkText(1, 3), 'Four');
    await h.user.type(linkInput(1, 3), 'four.example/');

    await h.user.click(screen.getByRole('button', { name: 'Move link 3 of back field 1 up' }));
    expect(linkText(1, 2)).toHaveValue('Four');
    expect(screen.getByRole('button', { name: 'Move link 1 of back field 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move link 3 of back field 1 down' })).toBeDisabled();

    await h.user.click(screen.getByRole('button', { name: 'Remove link 1 of back field 1' }));
    expect(screen.queryByRole('group', { name: 'Back field 1 link 3' })).not.toBeInTheDocument();

    await h.submit();
    const [first, second] = h.submitted().passMetadata.backFields ?? [];
    // The form marks rows with where they were stored (`_storedRow`): compare what is sent.
    expect(first?.value).toMatchObject([
      { text: 'Four', link: 'https://four.example/' },
      { text: 'Two', link: 'https://two.example/' },
    ]);
    expect(second?.value).toMatchObject([{ text: 'Three', link: 'https://three.example/' }]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<b>hi</b>'],
    [' javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['not a link'],
  ])('refuses the link %j', async (link) => {
    const h = renderBack();
    const input = linkInput(1, 1);
    await h.user.clear(input);
    await h.user.type(input, link);
    await h.user.tab();
    // A url input strips surrounding spaces from its value, as browsers do.
    expect(input).toHaveValue(link.trim());
    expectFieldError(input, LINK_MESSAGE);
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it.each([['https://'], ['']])('an empty link %j says "Link is empty", not a blocked scheme', async (link) => {
    const h = renderBack();
    const input = linkInput(1, 1);
    await h.user.clear(input);
    if (link) await h.user.type(input, link);
    await h.user.tab();
    expectFieldError(input, 'Link is empty');
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it.each([
    ['https://shop.example/menu'],
    ['http://shop.example/'],
    ['mailto:hello@shop.example'],
    ['tel:+15035550142'],
  ])('accepts the link %j', async (link) => {
    const h = renderBack();
    const input = linkInput(1, 1);
    await h.user.clear(input);
    await h.user.type(input, link);
    await h.user.tab();
    expectNoFieldError(input);
    await h.submit();
    expect(h.submitted().passMetadata.backFields?.[0]?.value?.[0]?.link).toBe(link);
  });

  it('refuses a stored link that hides javascript: behind a space', async () => {
    const fields = backFields();
    fields[0]!.value![1] = { text: 'Prize', link: ' javascript:alert(1)' };
    const h = renderBack(fields);
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    expectFieldError(linkInput(1, 2), LINK_MESSAGE);
    expectNoFieldError(linkInput(1, 1));
  });

  it('requires link text', async () => {
    const h = renderBack();
    const text = linkText(2, 1);
    await h.user.clear(text);
    await h.user.tab();
    expectFieldError(text, 'Link text is required');
  });

  it('refuses a back-field key the pass already uses', async () => {
    const h = renderBack();
    const key = within(group('Back field 2')).getByLabelText('Key');
    await h.user.clear(key);
    await h.user.type(key, 'points');
    await h.user.tab();
    expectFieldError(key, 'The key "points" is already used in this pass');
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it('shows the tracking properties of a link read-only and sends them back unchanged', async () => {
    const pass = WalletPassSchema.parse(example);
    const h = renderSection(<BackFieldsSection />, { pass });
    const link = group('Back field 1 link 1');
    for (const [term, value] of [
      ['Slug', 'order-ahead'],
      ['Short link', 'https://bb.example/o7Kq2'],
      ['Short link id', '1f0a7c30-9e12-6f01-b3c4-d5e6f7a8b9c0'],
      ['UTM source', 'wallet_pass'],
    ] as const) {
      const dt = within(link).getByText(term, { selector: 'dt' });
      expect(dt.nextElementSibling).toHaveTextContent(value);
      // Shown, not editable.
      expect(within(link).queryByDisplayValue(value)).not.toBeInTheDocument();
    }

    await h.user.clear(linkText(1, 1));
    await h.user.type(linkText(1, 1), 'Order ahead');
    await h.submit();
    const sent = toSaveDocument(pass, h.submitted());
    expect(sent.passMetadata?.backFields?.[0]?.value?.[0]).toEqual({
      text: 'Order ahead',
      link: 'https://beanandbloom.example/order',
      slug: 'order-ahead',
      shortLinkValue: 'https://bb.example/o7Kq2',
      shortLinkId: '1f0a7c30-9e12-6f01-b3c4-d5e6f7a8b9c0',
      utmSource: 'wallet_pass',
    });
    expect(sent.passMetadata?.backFields?.[1]?.value).toEqual(pass.passMetadata?.backFields?.[1]?.value);
  });

  it('shows no tracking properties for a link without them', () => {
    renderBack();
    expect(within(group('Back field 1 link 1')).queryByText('Slug')).not.toBeInTheDocument();
  });
});
