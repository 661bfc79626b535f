import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Link, addNavigationGuard, matchPath, navigate, setSearchParams, useLocation } from './history-router';

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{pathname + search}</p>;
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('router', () => {
  it('matches patterns and decodes params', () => {
    expect(matchPath('/w/:workspaceId/passes/:passId', '/w/ws%201/passes/p-1')).toEqual({
      workspaceId: 'ws 1',
      passId: 'p-1',
    });
    expect(matchPath('/w/:workspaceId/passes', '/w/a/passes/b')).toBeNull();
    expect(matchPath('/w/:workspaceId', '/x/a')).toBeNull();
  });

  it('navigates on a plain click and keeps search parameters it is given', async () => {
    render(
      <>
        <Link to="/w/a/passes">Passes</Link>
        <Where />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Passes' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/w/a/passes');
    act(() => setSearchParams({ q: 'coffee', status: 'Draft' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/w/a/passes?q=coffee&status=Draft');
    act(() => setSearchParams({ status: null }));
    expect(screen.getByTestId('where')).toHaveTextContent('/w/a/passes?q=coffee');
  });

  it('lets a guard refuse a navigation, including the back button', async () => {
    render(<Where />);
    act(() => void navigate('/first'));
    act(() => void navigate('/second'));
    const guard = vi.fn(() => false);
    const remove = addNavigationGuard(guard);

    let moved = true;
    act(() => {
      moved = navigate('/third');
    });
    expect(moved).toBe(false);
    expect(screen.getByTestId('where')).toHaveTextContent('/second');

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(guard).toHaveBeenCalledWith('/first', expect.any(Function));
    expect(window.location.pathname).toBe('/second');
    expect(screen.getByTestId('where')).toHaveTextContent('/second');

    remove();
    act(() => void navigate('/third'));
    expect(screen.getByTestId('where')).toHaveTextContent('/third');
  });
});

describe('a refused back button', () => {
  it('keeps the forward history: no entry is added, and forward still leads where it led', async () => {
    render(<Where />);
    act(() => void navigate('/one'));
    act(() => void navigate('/two'));
    act(() => void navigate('/three'));
    const length = window.history.length;
    const remove = addNavigationGuard(() => false);
    const popped = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

    await act(async () => {
      window.history.back();
      await popped();
      // The browser steps back to the entry the user was on.
      await popped();
    });
    expect(window.location.pathname).toBe('/three');
    expect(screen.getByTestId('where')).toHaveTextContent('/three');
    expect(window.history.length).toBe(length);
    remove();

    // Back now reaches the refused entry as it was, and forward leads to /three again.
    await act(async () => {
      window.history.back();
      await popped();
    });
    expect(screen.getByTestId('where')).toHaveTextContent('/two');
    await act(async () => {
      window.history.forward();
      await popped();
    });
    expect(screen.getByTestId('where')).toHaveTextContent('/three');
  });
});
