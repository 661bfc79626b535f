import { useCallback, useEffect, useRef } from 'react';

/**
 * Object URLs for files picked in the editor (shown before and after their upload, in the form
 * and the preview). They live as long as the editor, so undo and redo can bring an image back,
 * and are revoked when it closes, so picked files do not stay in memory after it.
 */
export function useObjectUrls(): (file: Blob) => string {
  const urls = useRef<string[]>([]);
  useEffect(() => {
    const created = urls.current;
    return () => {
      for (const url of created.splice(0)) URL.revokeObjectURL(url);
    };
  }, []);
  return useCallback((file: Blob) => {
    const url = URL.createObjectURL(file);
    urls.current.push(url);
    return url;
  }, []);
}
