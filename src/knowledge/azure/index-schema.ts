import type { SearchIndex } from '@azure/search-documents';

export const SEMANTIC_CONFIGURATION = 'solutions-semantic';
export const VECTOR_PROFILE = 'solutions-vector';
const VECTOR_ALGORITHM = 'solutions-hnsw';

export function searchKey(chunkId: string): string {
  return Buffer.from(chunkId, 'utf8').toString('base64url');
}

/** The solutions index: keyword fields, a filterable intent list, a vector field and a semantic configuration. */
export function solutionIndex(name: string, vectorDimensions: number): SearchIndex {
  return {
    name,
    fields: [
      { name: 'id', type: 'Edm.String', key: true, filterable: true },
      { name: 'articleId', type: 'Edm.String', filterable: true },
      { name: 'title', type: 'Edm.String', searchable: true, analyzerName: 'en.microsoft' },
      { name: 'heading', type: 'Edm.String', searchable: true, analyzerName: 'en.microsoft' },
      { name: 'content', type: 'Edm.String', searchable: true, analyzerName: 'en.microsoft' },
      { name: 'url', type: 'Edm.String' },
      { name: 'tags', type: 'Collection(Edm.String)', searchable: true, filterable: true, facetable: true },
      { name: 'intentIds', type: 'Collection(Edm.String)', filterable: true },
      {
        name: 'contentVector',
        type: 'Collection(Edm.Single)',
        searchable: true,
        hidden: true,
        vectorSearchDimensions: vectorDimensions,
        vectorSearchProfileName: VECTOR_PROFILE,
      },
    ],
    vectorSearch: {
      algorithms: [{ name: VECTOR_ALGORITHM, kind: 'hnsw', parameters: { metric: 'cosine' } }],
      profiles: [{ name: VECTOR_PROFILE, algorithmConfigurationName: VECTOR_ALGORITHM }],
    },
    semanticSearch: {
      defaultConfigurationName: SEMANTIC_CONFIGURATION,
      configurations: [
        {
          name: SEMANTIC_CONFIGURATION,
          prioritizedFields: {
            titleField: { name: 'title' },
            contentFields: [{ name: 'content' }, { name: 'heading' }],
            keywordsFields: [{ name: 'tags' }],
          },
        },
      ],
    },
  };
}
