/**
 * Columnar binary storage for bar datasets (the `.alph` format, documented byte by byte in
 * docs/data/storage-format.md), content hashing, streaming I/O and a content-addressed catalog.
 */
export { Catalog, type CatalogEntry } from './catalog.js';
export { CATALOG_INDEX_FILE } from './catalog-index.js';
export { DatasetWriter, type DatasetWriterOptions, DEFAULT_ROW_GROUP_ROWS } from './dataset-writer.js';
export { datasetMappingAvailable } from './file-mapping.js';
export { DATASET_EXTENSION, DATASET_FORMAT_VERSION, DATASET_MAGIC } from './format.js';
export { HASH_ENCODING_TAG, hashSeries } from './hash.js';
export type { DatasetLoadMode } from './mapped-dataset.js';
export type { DatasetHeaderInfo, DatasetMetadata, DatasetSource, StoredDataset } from './metadata.js';
export { shortHash } from './metadata.js';
export {
  isDatasetFile,
  type ReadDatasetOptions,
  readDataset,
  readDatasetHeader,
  readDatasetSync,
} from './read-dataset.js';
export { type StreamDatasetOptions, streamDataset } from './stream-dataset.js';
export { writeDataset } from './write-dataset.js';
