// The slice of an OpenAPI 3.1 document the reference page reads, and helpers to walk its JSON Schemas.

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'] as const;

export interface DocOperation extends OpenApiOperation {
  method: (typeof METHODS)[number];
  path: string;
}

/** Operations grouped by their first tag, in document order. */
export function groupByTag(doc: OpenApiDocument): [string, DocOperation[]][] {
  const groups = new Map<string, DocOperation[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      groups.set(tag, [...(groups.get(tag) ?? []), { ...op, method, path }]);
    }
  }
  return [...groups.entries()];
}

export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let depth = 0; current?.$ref && depth < 10; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = doc.components?.schemas?.[name];
  }
  return current;
}

/** Drops `null` from a union: `string | null` reads as an optional-ish string marked "nullable". */
export function unwrapNullable(
  doc: OpenApiDocument,
  schema: JsonSchema | undefined,
): { schema: JsonSchema | undefined; nullable: boolean } {
  const s = resolve(doc, schema);
  if (!s) return { schema: s, nullable: false };
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const rest = variants.filter((v) => resolve(doc, v)?.type !== 'null');
    if (rest.length === 1 && rest.length < variants.length) return { schema: resolve(doc, rest[0]), nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes('null')) {
    const types = s.type.filter((t) => t !== 'null');
    return { schema: { ...s, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema: s, nullable: false };
}

export function typeLabel(doc: OpenApiDocument, schema: JsonSchema | undefined): string {
  const { schema: s, nullable } = unwrapNullable(doc, schema);
  if (!s) return 'any';
  let label: string;
  if (s.enum) label = s.enum.map((v) => JSON.stringify(v)).join(' | ');
  else if (s.const !== undefined) label = JSON.stringify(s.const);
  else if (s.anyOf ?? s.oneOf) label = (s.anyOf ?? s.oneOf)!.map((v) => typeLabel(doc, v)).join(' | ');
  else if (s.type === 'array') label = `${typeLabel(doc, s.items)}[]`;
  else if (Array.isArray(s.type)) label = s.type.join(' | ');
  else label = s.type ?? (s.properties ? 'object' : 'any');
  if (s.format) label += ` (${s.format})`;
  return nullable ? `${label} | null` : label;
}

/** Constraints worth a reader's eye: bounds, lengths, patterns, defaults. */
export function constraints(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const out: string[] = [];
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) out.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`max length ${schema.maxLength}`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The object whose properties describe a body: itself, or the items of an array of objects. */
export function objectOf(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  const { schema: s } = unwrapNullable(doc, schema);
  if (!s) return undefined;
  if (s.properties) return s;
  if (s.type === 'array') return objectOf(doc, s.items);
  if (s.allOf)
    return { type: 'object', properties: Object.assign({}, ...s.allOf.map((p) => objectOf(doc, p)?.properties ?? {})) };
  return undefined;
}
