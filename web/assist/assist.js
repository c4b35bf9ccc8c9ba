import { api, askForToken, el, outsideText, percent, takeTokenFromFragment, token, Unauthorized } from '/assist-files/common.js';

const conversationId = decodeURIComponent(location.pathname.replace(/^\/assist\//, ''));
const base = `/api/conversations/${encodeURIComponent(conversationId)}`;
const $ = (id) => document.getElementById(id);
let current = null;
let source = null;

const SOURCE_LABELS = { 'self-service': 'from self-service', handoff: 'from the hand-off', assisted: 'from this conversation' };

function announce(text) {
  $('announcer').textContent = '';
  requestAnimationFrame(() => ($('announcer').textContent = text));
}

function messageId() {
  return `rep-${crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`}`;
}

async function act(label, run) {
  try {
    await run();
  } catch (error) {
    if (error instanceof Unauthorized) return signIn(error.message);
    announce(`${label} failed: ${error.message}`);
  }
}

/** Sends a reply for the service to deliver to the customer; true once the customer's channel took it. */
async function send(text) {
  let delivered = false;
  await act('Sending', async () => {
    const outcome = await api('POST', `${base}/replies`, { id: messageId(), text });
    delivered = outcome.delivery?.status === 'delivered';
    announce(delivered ? 'Delivered to the customer.' : `Not delivered: ${outcome.delivery?.reason ?? 'the channel did not confirm it'}.`);
  });
  return delivered;
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    announce('Copied.');
  } catch {
    announce('Copying is not allowed here; select the text instead.');
  }
}

/** Copy, and Send where the service can reach the customer (elsewhere the representative replies in their platform). */
function actions(key, text) {
  return el(
    'span',
    { className: 'actions' },
    el('button', { type: 'button', className: 'secondary', textContent: 'Copy', 'data-key': `copy:${key}`, 'aria-label': `Copy: ${text}`, onclick: () => copy(text) }),
    current?.replyChannel ? el('button', { type: 'button', textContent: 'Send', 'data-key': `send:${key}`, 'aria-label': `Send: ${text}`, onclick: () => send(text) }) : null,
  );
}

// Material Design "thumb_down" icon (Apache-2.0), drawn inline so it shows without an emoji font.
function thumbsDown() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z');
  svg.append(shape);
  return svg;
}

/** "Routes to Devices & tech support · queue device-support · skills troubleshooting, devices · priority 5", or '' when nothing is set. */
function routeText(route) {
  if (!route) return '';
  const parts = [
    route.lineOfBusinessName,
    route.queue ? `queue ${route.queue}` : undefined,
    route.skills.length ? `skills ${route.skills.join(', ')}` : undefined,
    route.priority ? `priority ${route.priority}` : undefined,
  ].filter(Boolean);
  return parts.length ? `Routes to ${parts.join(' · ')}` : '';
}

function renderIntent(view) {
  const host = $('intent');
  if (!view.intent) {
    const waiting = view.turnCount === 0 ? "Waiting for the customer's first message." : view.rejectedIntents.length > 0 ? 'No other intent fits yet; the next customer message is read again.' : 'No intent detected yet.';
    host.replaceChildren(el('p', { className: 'muted' }, waiting));
  } else {
    const intent = view.intent;
    host.replaceChildren(
      el(
        'div',
        { className: 'intent-row' },
        el('p', { className: 'intent-name', id: 'intent-name' }, intent.name),
        el('button', {
          type: 'button',
          className: 'reject',
          'data-key': 'reject',
          'aria-label': `Not this intent: reject ${intent.name}`,
          onclick: () => act('Rejecting', async () => {
            await api('POST', `${base}/reject-intent`, { intent: intent.id });
            announce(`${intent.name} rejected; it will not be suggested again.`);
          }),
        }, thumbsDown(), 'Not this intent'),
      ),
      el('p', { className: 'intent-meta' }, `${intent.groupName} · ${percent(intent.confidence)} confident`),
      ...(routeText(view.route) ? [el('p', { className: 'intent-route', id: 'route' }, routeText(view.route))] : []),
    );
  }
  $('earlier-intents').replaceChildren(
    ...view.earlierIntents.map((earlier) =>
      el(
        'li',
        { className: 'earlier-intent' },
        `${earlier.name} (${earlier.groupName}, ${percent(earlier.confidence)})${earlier.rejected ? ' — rejected' : ''}`,
        ...(earlier.text ? [': “', outsideText(earlier.text), '”'] : []),
      ),
    ),
  );
}

function renderKnown(view) {
  $('known').replaceChildren(
    ...(view.known.length === 0
      ? [el('li', { className: 'muted' }, 'Nothing yet.')]
      : view.known.map((known) =>
          el(
            'li',
            { className: 'known' },
            el('span', { className: 'name' }, known.name),
            outsideText(known.text || String(known.value), { className: 'value' }),
            el('span', { className: `badge badge-${known.source}` }, SOURCE_LABELS[known.source] ?? known.source),
          ),
        )),
  );
}

function renderQuestions(view) {
  $('questions').replaceChildren(
    ...(view.questions.length === 0
      ? [el('li', { className: 'muted' }, view.intent ? 'No questions for this intent.' : 'Questions appear once an intent is detected.')]
      : view.questions.map((question) =>
          el(
            'li',
            { className: question.answered ? 'question answered' : 'question', 'data-attribute': question.attribute },
            el('span', { className: 'tick', 'aria-hidden': 'true' }, question.answered ? '✓' : '•'),
            el(
              'span',
              { className: 'question-text' },
              question.question,
              question.required && !question.answered ? el('span', { className: 'required' }, ' (required)') : null,
              question.answered ? el('span', { className: 'answer' }, ' Answered: ', outsideText(question.answer)) : null,
              !question.answered && question.asked ? el('span', { className: 'asked' }, ' (asked)') : null,
            ),
            question.answered ? null : actions(`q:${question.attribute}`, question.question),
          ),
        )),
  );
}

function renderResponses(view) {
  const responses = view.responses;
  $('responses-source').textContent =
    responses.source === 'model' ? 'Written by the language model from this conversation.' : "Derived from the next question and the solutions found (no language model is configured).";
  $('guidance').textContent = responses.guidance ? `Guidance: ${responses.guidance}` : '';
  $('responses').replaceChildren(
    ...(responses.items.length === 0
      ? [el('li', { className: 'muted' }, 'None yet.')]
      : responses.items.map((text, index) => el('li', { className: 'response' }, outsideText(text, { className: 'response-text' }), actions(`r:${index}`, text)))),
  );
}

function renderSolutions(view) {
  $('solutions').replaceChildren(
    ...(view.solutions.length === 0
      ? [el('li', { className: 'muted' }, 'None yet.')]
      : view.solutions.map((solution) =>
          el(
            'li',
            { className: 'solution' },
            solution.url ? el('a', { href: solution.url, target: '_blank', rel: 'noopener noreferrer' }, solution.title) : el('strong', {}, solution.title),
            el('p', { className: 'snippet' }, solution.snippet),
          ),
        )),
  );
}

const DELIVERY_LABELS = { sending: 'Sending…', delivered: 'Delivered' };

function deliveryNote(delivery) {
  if (!delivery) return null;
  const text = delivery.status === 'failed' ? `Not delivered: ${delivery.reason ?? 'no reason given'}` : DELIVERY_LABELS[delivery.status];
  return el('span', { className: `delivery delivery-${delivery.status}` }, text);
}

function renderTurns(view) {
  $('turns').replaceChildren(
    ...view.turns.map((turn) =>
      el(
        'li',
        { className: `turn turn-${turn.role}` },
        el('span', { className: 'who' }, turn.role === 'customer' ? 'Customer' : turn.role === 'agent' ? 'You' : 'Bot'),
        outsideText(turn.text),
        deliveryNote(turn.delivery),
      ),
    ),
  );
  $('composer').hidden = !view.replyChannel;
  $('unreachable').hidden = Boolean(view.replyChannel) || view.turnCount === 0;
}

function clock(at) {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Who answers the customer now: a representative since the hand-off, or the bot (which a message from here takes over). */
function renderHandling(view) {
  const text = view.handoff
    ? `With a representative since ${clock(view.handoff.at)}${view.handoff.reason ? `: ${view.handoff.reason}` : ''}. The bot does not answer the customer.`
    : view.replyChannel && view.phase === 'self-service'
      ? 'The bot is answering this customer. A message you send takes the conversation over.'
      : '';
  $('handling').hidden = text === '';
  $('handling-text').textContent = text;
  $('hand-back').hidden = !(view.handoff && view.replyChannel);
  $('rate-up').setAttribute('aria-pressed', String(view.feedback === 'up'));
  $('rate-down').setAttribute('aria-pressed', String(view.feedback === 'down'));
}

function render(view) {
  // Re-rendering replaces the buttons: keep keyboard focus on the same control.
  const focused = document.activeElement?.getAttribute('data-key');
  current = view;
  renderHandling(view);
  renderIntent(view);
  renderKnown(view);
  renderQuestions(view);
  renderResponses(view);
  renderSolutions(view);
  renderTurns(view);
  document.body.dataset.intent = view.intent?.id ?? '';
  if (focused) document.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

/** How the page follows the conversation: Web PubSub when the service has it, else the service's event stream. */
async function connect() {
  stopFollowing();
  let subscription;
  try {
    subscription = await api('GET', `${base}/subscription`);
  } catch (error) {
    if (error instanceof Unauthorized) return signIn(error.message);
    $('connection').textContent = 'Reconnecting…';
    setTimeout(connect, RECONNECT_MS);
    return;
  }
  if (subscription.transport === 'webpubsub') followHub(subscription);
  else followStream();
}

const RECONNECT_MS = 2000;

/** A PubSub WebSocket client of the hub, joined on connecting to this conversation's group only (its token allows no other). */
function followHub({ url, group }) {
  const socket = new WebSocket(url, 'json.webpubsub.azure.v1');
  source = socket;
  const show = (view) => {
    if (!current || view.updatedAt >= current.updatedAt) render(view);
  };
  socket.addEventListener('message', async (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'message' && frame.from === 'group' && frame.group === group) show(frame.data.view);
    if (frame.type === 'system' && frame.event === 'connected') {
      $('connection').textContent = 'Live';
      // Joined: every later change arrives as a message; the view as it is now comes from the service.
      try {
        show((await api('GET', base)).view);
      } catch (error) {
        if (error instanceof Unauthorized) return signIn(error.message);
        if (error.status !== 404) announce(`Could not load the conversation: ${error.message}`);
      }
    }
  });
  socket.addEventListener('close', () => {
    if (source !== socket) return;
    $('connection').textContent = 'Reconnecting…';
    setTimeout(connect, RECONNECT_MS);
  });
}

function followStream() {
  const query = token() ? `?access_token=${encodeURIComponent(token())}` : '';
  source = new EventSource(`${base}/events${query}`);
  source.addEventListener('open', () => ($('connection').textContent = 'Live'));
  source.addEventListener('view', (event) => render(JSON.parse(event.data).view));
  source.addEventListener('error', async () => {
    $('connection').textContent = 'Reconnecting…';
    try {
      await api('GET', '/api/conversations?activeMinutes=1');
    } catch (error) {
      if (error instanceof Unauthorized) {
        source.close();
        await signIn(error.message);
      }
    }
  });
}

function stopFollowing() {
  const old = source;
  source = null;
  old?.close();
}

async function signIn(message) {
  stopFollowing();
  $('connection').textContent = 'Not connected';
  await askForToken($('key-host'), `Sign in to follow this conversation (${message}).`);
  connect();
}

$('conversation-id').textContent = conversationId;
$('conversation-id').title = conversationId;
document.title = `Assist: ${conversationId}`;
$('search-again').addEventListener('click', () =>
  act('Searching', async () => {
    await api('POST', `${base}/search-again`, {});
    announce(current?.solutions.length ? 'Solutions refreshed.' : 'Searched again.');
  }),
);
$('hand-back').addEventListener('click', () =>
  act('Handing back', async () => {
    await api('POST', `${base}/hand-back`, {});
    announce('Handed back: the bot answers the customer again.');
  }),
);
for (const [id, rating, said] of [
  ['rate-up', 'up', 'Thanks: rated as understood.'],
  ['rate-down', 'down', 'Thanks: rated as not understood; its customer turns are kept as misses for the library.'],
]) {
  $(id).addEventListener('click', () =>
    act('Rating', async () => {
      await api('POST', `${base}/feedback`, { rating });
      announce(said);
    }),
  );
}
$('composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = $('reply-text');
  const text = box.value.trim();
  if (text === '') return;
  if (await send(text)) box.value = '';
});
$('reply-text').addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter starts a new line.
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    $('composer').requestSubmit();
  }
});
takeTokenFromFragment();
void connect();
