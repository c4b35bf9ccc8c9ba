export { TrainedIntentClassifier } from './classifier.js';
export { type TrainOptions, trainIntentClassifier } from './train.js';
export { type WordVectors, defaultWordVectors } from './word-vectors.js';
