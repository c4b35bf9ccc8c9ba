import type { LibraryChange } from '../library/diff.js';
import type { ReviewState } from '../library/review-copy.js';
import { attributeStatus, type Attribute, type AttributeType, type IntentStatus } from '../library/schema.js';
import { maskPersonalData } from '../nlu/redact.js';

/** Sample requests shown per intent; the rest are counted. */
const SAMPLES = 3;

export interface ReviewAttributeView {
  name: string;
  label: string | null;
  question: string;
  type: AttributeType;
  required: boolean;
  values: string[];
  pattern: string | null;
  status: string;
  weight: number;
}

export interface ReviewIntentView {
  id: string;
  name: string;
  groupId: string;
  status: IntentStatus;
  conversations: number;
  share: number;
  examples: number;
  /** A few sample requests, personal data masked. */
  samples: string[];
  /** The conversations behind the intent (ids of the transcripts discovery read), and the discovery run. */
  conversationIds: string[];
  run: string | null;
  attributes: ReviewAttributeView[];
}

/** What the library review page shows: `GET /api/library`. */
export interface ReviewView {
  library: { id: string; name: string };
  etag: string;
  liveEtag: string;
  stale: boolean;
  /** Whether this caller may change and publish, and the app role an Entra ID caller needs for it (LIBRARY_MANAGER_ROLE). */
  canChange: boolean;
  managerRole: string;
  groups: Array<{ id: string; name: string; description: string }>;
  intents: ReviewIntentView[];
  changes: LibraryChange[];
}

function attributeView(attribute: Attribute): ReviewAttributeView {
  return {
    name: attribute.name,
    label: attribute.label ?? null,
    question: attribute.question,
    type: attribute.type,
    required: attribute.required,
    values: attribute.values ?? [],
    pattern: attribute.pattern ?? null,
    status: attributeStatus(attribute),
    weight: attribute.weight,
  };
}

export function reviewView(state: ReviewState, access: { canChange: boolean; managerRole: string }): ReviewView {
  const { draft } = state;
  return {
    library: { id: state.live.id, name: state.live.name },
    etag: state.etag,
    liveEtag: state.liveEtag,
    stale: state.stale,
    ...access,
    groups: draft.groups.map((g) => ({ id: g.id, name: g.name, description: g.description })),
    intents: draft.intents.map((intent) => ({
      id: intent.id,
      name: intent.name,
      groupId: intent.groupId,
      status: intent.status,
      conversations: intent.stats?.conversations ?? 0,
      share: intent.stats?.share ?? 0,
      examples: intent.examples.length,
      samples: intent.examples.slice(0, SAMPLES).map((text) => maskPersonalData(text).text),
      conversationIds: intent.provenance?.sampleConversationIds ?? [],
      run: intent.provenance?.run ?? null,
      attributes: intent.attributes.map(attributeView),
    })),
    changes: state.changes,
  };
}
