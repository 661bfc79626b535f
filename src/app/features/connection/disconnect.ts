import { leaveFor, navigate, paths } from '../../history-router';

/**
 * Disconnect from anywhere: a page with unsaved edits asks first (its navigation guard), then the
 * key is forgotten and the address is the Connect screen's, so a reload or Back stays there.
 */
export function disconnectAndLeave(disconnect: () => void) {
  leaveFor(paths.connect(), () => {
    disconnect();
    navigate(paths.connect());
  });
}
