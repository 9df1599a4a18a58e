import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_NAMES } from '../../types';

describe('cloudfunctions/database.json', () => {
  test('lists exactly the collections of types/collections.ts, in the same order', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'database.json'), 'utf8')) as {
      collections: Array<{ name: string }>;
    };
    expect(manifest.collections.map((collection) => collection.name)).toEqual([...COLLECTION_NAMES]);
  });
});
