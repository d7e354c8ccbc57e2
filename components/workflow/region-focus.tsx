'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';

// Which region of which annotation the reviewer is looking at, shared by the review canvas and the
// region notes beside it: a click on a shape focuses its note, a focused note highlights its shape.
// `origin` says who moved the focus, so that each side only follows the other.

export interface RegionFocus {
  annotationId: string;
  regionId: string;
  origin: 'canvas' | 'notes';
}

interface RegionFocusValue {
  focus: RegionFocus | null;
  setFocus: (focus: RegionFocus | null) => void;
}

const Context = createContext<RegionFocusValue>({ focus: null, setFocus: () => undefined });

export function RegionFocusProvider({ children }: { children: ReactNode }) {
  const [focus, setFocus] = useState<RegionFocus | null>(null);
  return <Context.Provider value={{ focus, setFocus }}>{children}</Context.Provider>;
}

export const useRegionFocus = () => useContext(Context);
