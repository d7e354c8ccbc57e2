// Which key picks which class in the label panel. A class keeps its taxonomy hotkey unless an action
// of the pass (S skip, F flag…) already uses that key; then, like classes without a hotkey, it gets
// the digit of its position (1–9) when that digit is free, else no key at all.

export interface KeyedClass {
  id: string;
  hotkey: string | null;
}

/** The key of each class, in class order (null: reachable by click only). */
export function classKeys(classes: readonly KeyedClass[], reserved: ReadonlySet<string>): (string | null)[] {
  const taken = new Set(reserved);
  // Explicit hotkeys first, so a positional digit never steals a later class's own key.
  const keys = classes.map((c) => {
    const key = c.hotkey?.toLowerCase() ?? null;
    if (!key || taken.has(key)) return null;
    taken.add(key);
    return key;
  });
  return classes.map((_, i) => {
    if (keys[i]) return keys[i];
    const digit = i < 9 ? String(i + 1) : null;
    if (!digit || taken.has(digit)) return null;
    taken.add(digit);
    return digit;
  });
}
