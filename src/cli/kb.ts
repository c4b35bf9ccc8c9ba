import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { CliError } from './errors.js';

export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('knowledge base: push the Markdown articles to Azure AI Search');

  kb.command('index')
    .description(
      'chunk every *.md article of the folder and push it to the Azure AI Search index (AZURE_SEARCH_INDEX), with embeddings ' +
        'when AZURE_OPENAI_EMBEDDING_DEPLOYMENT is set; creates or updates the index and removes chunks of deleted articles',
    )
    .argument('[folder]', 'knowledge-base folder (default: KB_DIR)')
    .action(async (folder: string | undefined) => {
      const config = loadConfig();
      // The Azure SDKs load on use, so other commands start quickly.
      const [{ openSearchIndex }, { KnowledgeBaseError }, { indexKnowledgeBase }] = await Promise.all([
        import('../app/parts.js'),
        import('../knowledge/load-articles.js'),
        import('../knowledge/azure/indexer.js'),
      ]);
      const search = await openSearchIndex(config);
      if (!search) {
        throw new CliError('kb index pushes to Azure AI Search: set AZURE_SEARCH_ENDPOINT (the embedded search reads KB_DIR directly and needs no index)');
      }
      try {
        const report = await indexKnowledgeBase(folder ?? config.KB_DIR, search.target);
        for (const warning of report.warnings) console.error(`skipped ${warning.message}`);
        console.log(
          `indexed ${report.articles} articles as ${report.chunks} chunks into "${search.target.indexName}"` +
            `${report.embedded ? ' with embeddings' : ' (keywords only: no embedding deployment configured)'}` +
            `${report.removed > 0 ? `, removed ${report.removed} stale chunks` : ''}`,
        );
      } catch (error) {
        if (error instanceof KnowledgeBaseError) throw new CliError(error.message);
        throw error;
      } finally {
        search.close();
      }
    });
}
