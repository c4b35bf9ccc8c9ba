import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { testCertificate } from './certificate.js';
import { applyFault, FaultPlan, type RecordedRequest } from './faults.js';
import { close, listen, readJson, sendJson } from './http.js';

type Doc = Record<string, unknown> & { id: string };

export interface SearchCall {
  request: RecordedRequest;
  body: Record<string, unknown> | undefined;
}

export interface SearchPeer {
  endpoint: string;
  faults: FaultPlan;
  /** Every request the SDK sent that reached the service, with its JSON body. */
  calls: SearchCall[];
  indexes: Map<string, Record<string, unknown>>;
  documents(index: string): Map<string, Doc>;
  close(): Promise<void>;
}

/**
 * A small Azure AI Search over https: index definitions, document batches and the search POST, with a
 * plain word-count ranking, the `intentIds/any(...)` filter, cosine vector scoring and semantic captions.
 */
export async function startSearchPeer(): Promise<SearchPeer> {
  const certificate = await testCertificate();
  const faults = new FaultPlan();
  const calls: SearchCall[] = [];
  const indexes = new Map<string, Record<string, unknown>>();
  const docs = new Map<string, Map<string, Doc>>();
  const documents = (index: string): Map<string, Doc> => {
    let found = docs.get(index);
    if (!found) docs.set(index, (found = new Map()));
    return found;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, request: RecordedRequest): Promise<void> {
    const body = (await readJson(req)) as Record<string, unknown> | undefined;
    calls.push({ request, body });
    if (!request.headers['api-key'] && !request.headers.authorization) return sendJson(res, 401, { error: { code: 'Unauthorized', message: 'no credentials' } });
    const index = /^\/indexes\('([^']+)'\)/.exec(request.path)?.[1];
    if (!index) return sendJson(res, 404, { error: { code: 'NotFound', message: 'no route' } });
    const rest = request.path.slice(`/indexes('${index}')`.length);
    if (rest === '' && req.method === 'PUT') {
      const created = !indexes.has(index);
      indexes.set(index, { ...body, name: index });
      return sendJson(res, created ? 201 : 200, indexes.get(index));
    }
    if (rest === '' && req.method === 'GET') {
      const definition = indexes.get(index);
      return definition ? sendJson(res, 200, definition) : sendJson(res, 404, { error: { code: 'NotFound', message: `index ${index} not found` } });
    }
    if (!indexes.has(index)) return sendJson(res, 404, { error: { code: 'NotFound', message: `The index '${index}' for service 'peer' was not found.` } });
    if (rest === '/docs/search.index') {
      const actions = (body?.value ?? []) as Array<Record<string, unknown>>;
      const stored = documents(index);
      const value = actions.map((action) => {
        const key = String(action.id);
        const { '@search.action': kind, ...fields } = action;
        if (kind === 'delete') stored.delete(key);
        else stored.set(key, { ...stored.get(key), ...fields, id: key });
        return { key, status: true, errorMessage: null, statusCode: 200 };
      });
      return sendJson(res, 200, { value });
    }
    if (rest === '/docs/search.post.search') return sendJson(res, 200, { value: search(documents(index), body ?? {}) });
    return sendJson(res, 404, { error: { code: 'NotFound', message: 'no route' } });
  }

  const server = https.createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const { request, fault } = faults.record(req);
    applyFault(fault, req, res, () => {
      handle(req, res, request).catch((error: Error) => sendJson(res, 500, { error: { code: 'PeerError', message: error.message } }));
    });
  });
  const port = await listen(server);
  return { endpoint: `https://127.0.0.1:${port}`, faults, calls, indexes, documents, close: () => close(server) };
}

function search(stored: Map<string, Doc>, body: Record<string, unknown>): Array<Record<string, unknown>> {
  const words = String(body.search ?? '*')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '' && word !== '*');
  const intent = /^intentIds\/any\(i: i eq '((?:[^']|'')*)'\)$/.exec(String(body.filter ?? ''))?.[1]?.replaceAll("''", "'");
  const vector = ((body.vectorQueries as Array<{ vector?: number[] }> | undefined)?.[0]?.vector) ?? null;
  const select = body.select ? String(body.select).split(',') : null;
  const semantic = body.queryType === 'semantic';
  const hits = [...stored.values()]
    .filter((doc) => (body.filter ? intent !== undefined && (doc.intentIds as string[] | undefined)?.includes(intent) : true))
    .map((doc) => {
      const text = `${String(doc.title ?? '')} ${String(doc.content ?? '')}`.toLowerCase();
      const keyword = words.length === 0 ? 1 : words.filter((word) => text.includes(word)).length;
      const similarity = vector && Array.isArray(doc.contentVector) ? cosine(vector, doc.contentVector as number[]) : 0;
      return { doc, score: keyword + similarity };
    })
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, Number(body.top ?? 50));
  return hits.map(({ doc, score }) => ({
    '@search.score': score,
    ...(semantic ? { '@search.rerankerScore': score * 1.5, '@search.captions': [{ text: `caption: ${String(doc.content).slice(0, 60)}`, highlights: '' }] } : {}),
    ...(select ? Object.fromEntries(select.map((field) => [field, doc[field] ?? null])) : doc),
  }));
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
