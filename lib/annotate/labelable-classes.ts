// A deprecated class (a taxonomy migration's `deprecate_class`) stays in the taxonomy so the labels
// made with it keep their class, name and color; it is only withheld from new labeling. Every editor's
// class picker, class hotkeys (own keys and the 1–9 digits) and "change class" select take their
// classes from here, so a deprecated class can be neither offered nor applied anywhere.

/** The classes new labels may use, in taxonomy order: every class but the deprecated ones. */
export function labelableClasses<C extends { deprecated?: boolean }>(classes: readonly C[]): C[] {
  return classes.filter((c) => !c.deprecated);
}
