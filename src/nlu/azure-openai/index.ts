export { BudgetExceededError, withBudget } from './budget.js';
export { CUSTOMER_TEXT_IS_DATA, ModelAnswerError, structuredChat, type ChatModel } from './chat.js';
export { rankWithModel, shortlistOf } from './classifier.js';
export { azureOpenAIEmbedder, type Embedder } from './embeddings.js';
export { extractWithModel, valuesSchema } from './extractor.js';
export { withModelQuery } from './query-writer.js';
export { modelResponseSuggester, type ResponseSuggester } from './suggestions.js';
export { modelUnderstanding, type ModelUnderstandingOptions, type Understanding } from './understanding.js';
