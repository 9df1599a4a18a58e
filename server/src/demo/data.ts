import { COLLECTION_NAMES, type CollectionName, type Collections } from '../../../types';

/** Every demo document, by collection: the collections and their shapes are the contract's own (types/collections.ts). */
export type DemoData = { [C in CollectionName]: Array<Collections[C]> };

export const DEMO_COLLECTIONS = COLLECTION_NAMES;

/** What one domain's seeder adds to the demo. */
export type DemoPart = Partial<DemoData>;
