import { api, askForToken, el, outsideText, percent, takeTokenFromFragment, Unauthorized } from '/assist-files/common.js';

const REFRESH_MS = 5000;

// The insights page links here with ?intent=<id>&activeMinutes=<n>: the list keeps those filters.
function listPath() {
  const page = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const name of ['intent', 'activeMinutes']) if (page.has(name)) query.set(name, page.get(name));
  const text = query.toString();
  return text ? `/api/conversations?${text}` : '/api/conversations';
}

function waited(seconds) {
  if (seconds === 0) return 'answered';
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

async function refresh() {
  try {
    const { conversations } = await api('GET', listPath());
    document.getElementById('rows').replaceChildren(
      ...conversations.map((conversation) =>
        el(
          'tr',
          { className: conversation.waitSeconds > 60 ? 'waiting-long' : '' },
          el(
            'td',
            { className: 'conversation' },
            el('a', { href: `/assist/${encodeURIComponent(conversation.conversationId)}`, title: conversation.conversationId }, outsideText(conversation.conversationId)),
          ),
          el('td', {}, conversation.intent ? `${conversation.intent.name} (${percent(conversation.intent.confidence)})` : 'not detected'),
          el('td', {}, conversation.intent?.groupName ?? ''),
          el('td', {}, waited(conversation.waitSeconds)),
          el('td', {}, conversation.escalated ? `${conversation.phase}, handed off` : conversation.phase),
          el('td', {}, String(conversation.turnCount)),
        ),
      ),
    );
    const intent = new URLSearchParams(location.search).get('intent');
    const filtered = intent === null ? '' : ` · intent ${intent || 'none'}`;
    document.getElementById('connection').textContent = `${conversations.length} active${filtered} · updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    if (error instanceof Unauthorized) {
      await askForToken(document.getElementById('key-host'), `Sign in to see the conversations (${error.message}).`);
      return refresh();
    }
    document.getElementById('connection').textContent = `Could not load: ${error.message}`;
  }
  setTimeout(refresh, REFRESH_MS);
}

takeTokenFromFragment();
void refresh();
