import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Rgb } from '../../../lib/color';
import type { ImageSlot } from '../model/form-model';

/**
 * What the editor knows of an image on screen: its pixel size and, for the logo and strip, facts
 * read from its pixels (dominant colour, artwork outside Google's logo circle) and whether it was
 * picked in this editor.
 */
interface ImageFacts {
  width: number;
  height: number;
  dominant?: Rgb | null;
  outsideSafeCircle?: number | null;
  picked?: boolean;
}

type ImageSizes = Partial<Record<ImageSlot, ImageFacts>>;

/**
 * Pixel sizes of the images on screen (stored or freshly picked), reported by the image slots as
 * they load, read by the pass checks. A tiny store so a size arriving re-renders only its readers.
 */
export function createImageSizesStore() {
  let sizes: ImageSizes = {};
  const listeners = new Set<() => void>();
  return {
    get: () => sizes,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (slot: ImageSlot, size: ImageFacts | undefined) => {
      const current = sizes[slot];
      if (JSON.stringify(current) === JSON.stringify(size)) return;
      const next = { ...sizes };
      if (size) next[slot] = size;
      else delete next[slot];
      sizes = next;
      for (const listener of listeners) listener();
    },
  };
}

type ImageSizesStore = ReturnType<typeof createImageSizesStore>;

export const ImageSizesContext = createContext<ImageSizesStore | null>(null);

export function useImageSizesStore(): ImageSizesStore | null {
  return useContext(ImageSizesContext);
}

export function useImageSizes(): ImageSizes {
  const store = useImageSizesStore();
  return useSyncExternalStore(
    store?.subscribe ?? (() => () => undefined),
    store?.get ?? (() => EMPTY),
    store?.get ?? (() => EMPTY),
  );
}

const EMPTY: ImageSizes = {};
