export {
  clusterUtterances,
  fitClusters,
  type FittedClusters,
  type NewUtterance,
  type ClusterGroup,
  type ClusterOptions,
  type ClusteringResult,
  type DiscoveredCluster,
  type Utterance,
} from './cluster-utterances.js';
