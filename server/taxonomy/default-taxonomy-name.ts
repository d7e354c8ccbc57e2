// A project has one taxonomy for now; the schema allows several (by name) for later.
export const DEFAULT_TAXONOMY_NAME = 'default';
