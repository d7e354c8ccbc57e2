'use client';

import { setAttribute } from '@/lib/annotate/commands';
import type { EditorRegion } from '@/lib/annotate/patch';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { AttributeForm } from './attribute-form';
import type { RegionDocument } from './use-region-document';

/** The class and attributes of the selected regions, edited through the document (one undo step per edit). */
export function SelectionAttributes(props: {
  doc: RegionDocument;
  classes: readonly TTaxonomyClass[];
  selected: readonly EditorRegion[];
  editable: boolean;
  problems: ReadonlyMap<string, string[]>;
  onSetClass: (classId: string) => void;
}) {
  const { doc, selected } = props;
  return (
    <AttributeForm
      classes={props.classes}
      regions={selected}
      readOnly={!props.editable}
      problems={props.problems}
      onSetClass={props.onSetClass}
      onSetAttribute={(attributeId, value) => {
        const ids = selected.map((s) => s.id);
        doc.run((regions) => ids.flatMap((id) => setAttribute(regions, id, attributeId, value)));
      }}
      onEditStart={doc.beginEdit}
      onEditEnd={doc.endEdit}
    />
  );
}
