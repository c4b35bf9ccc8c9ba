import { api, ApiError, askForToken, el, outsideText, percent, takeTokenFromFragment, Unauthorized } from '/assist-files/common.js';

const TYPES = ['text', 'enum', 'date', 'time', 'number', 'email', 'phone', 'identifier', 'boolean'];

/** The last review read from the service (GET /api/library). */
let view = null;
let qualityFor = null;

const $ = (id) => document.getElementById(id);

function say(text) {
  $('connection').textContent = text;
}

function notice(text, ...extra) {
  const host = $('notice');
  host.replaceChildren(text, ...extra);
  host.hidden = text === '';
}

async function load() {
  try {
    show(await api('GET', '/api/library'));
    say(`Loaded · ${new Date().toLocaleTimeString()}`);
  } catch (error) {
    if (error instanceof Unauthorized) {
      await askForToken($('key-host'), `Sign in to review the library (${error.message}).`);
      return load();
    }
    say(`Could not load: ${error.message}`);
  }
}

/**
 * Sends review steps made on the version shown. When someone else changed the review first, nothing is applied: the
 * page shows their changes and offers to apply these steps again on top, so no one's work is lost.
 */
async function send(actions, done) {
  try {
    show(await api('POST', '/api/library/changes', { etag: view.etag, actions }));
    notice('');
    say(done);
  } catch (error) {
    await refused(error, () => send(actions, done));
  }
}

async function refused(error, retry) {
  if (error instanceof ApiError && error.code === 'Conflict') {
    await load();
    const again = el('button', { type: 'button', id: 'apply-again', textContent: 'Apply my change again' });
    again.addEventListener('click', () => retry());
    notice(`${error.message}. Their changes are shown now. `, again);
    again.focus();
    return;
  }
  notice(error instanceof Error ? error.message : String(error));
}

async function publish() {
  try {
    show(await api('POST', '/api/library/publish', { etag: view.etag, liveEtag: view.liveEtag }));
    notice('');
    say('Published: the service now serves the reviewed library');
  } catch (error) {
    await refused(error, publish);
  }
}

async function discardPending() {
  try {
    show(await api('POST', '/api/library/discard', { etag: view.etag }));
    notice('');
    say('Pending changes dropped');
  } catch (error) {
    await refused(error, discardPending);
  }
}

/** Re-rendering keeps what the manager had open and where the keyboard was (or the card, if that control is gone). */
function show(next) {
  const focused = document.activeElement?.id;
  const card = document.activeElement?.closest?.('article')?.id;
  const open = [...document.querySelectorAll('details[open]')].map((details) => details.id);
  view = next;
  $('title').textContent = `Intent library review: ${view.library.name}`;
  const readOnly = $('read-only');
  readOnly.hidden = view.canChange;
  readOnly.textContent = `You can read this library. Changing it needs the ${view.managerRole} app role.`;
  renderChanges();
  renderGroups();
  for (const button of document.querySelectorAll('main button.change')) button.disabled = !view.canChange;
  for (const id of open) if ($(id)) $(id).open = true;
  const target = (focused && $(focused)) || (card && $(card));
  if (target) target.focus();
  if (qualityFor !== view.etag) void loadQuality();
}

function renderChanges() {
  const { changes } = view;
  $('stale').hidden = !view.stale;
  $('changes').replaceChildren(
    ...(changes.length === 0
      ? [el('li', { className: 'muted' }, 'Nothing pending: the page shows the live library.')]
      : changes.map((change) =>
          el(
            'li',
            { className: `change-${change.kind}` },
            el('span', { className: 'badge' }, change.kind),
            el('strong', {}, `${change.what === 'group' ? 'Group ' : ''}${change.name}`),
            change.details.length ? el('ul', { className: 'details' }, ...change.details.map((detail) => el('li', {}, detail))) : null,
          ),
        )),
  );
  const button = $('publish');
  button.textContent = changes.length ? `Publish ${changes.length} change${changes.length === 1 ? '' : 's'}` : 'Publish';
  button.disabled = !view.canChange || changes.length === 0 || view.stale;
  $('discard-pending').disabled = !view.canChange || (changes.length === 0 && !view.stale);
}

function renderGroups() {
  const known = new Set(view.groups.map((group) => group.id));
  const groups = [...view.groups, ...(view.intents.some((intent) => !known.has(intent.groupId)) ? [{ id: '', name: 'Other', description: '' }] : [])];
  $('groups').replaceChildren(
    ...groups
      .map((group) => ({ group, intents: view.intents.filter((intent) => (group.id === '' ? !known.has(intent.groupId) : intent.groupId === group.id)) }))
      .filter(({ intents }) => intents.length > 0)
      .map(({ group, intents }) => {
        const conversations = intents.reduce((sum, intent) => sum + intent.conversations, 0);
        return el(
          'section',
          { className: 'group', 'aria-labelledby': `group-${group.id}` },
          el('h2', { id: `group-${group.id}` }, group.name, el('span', { className: 'muted count' }, ` · ${intents.length} intents · ${conversations} conversations`)),
          ...intents.map(intentCard),
        );
      }),
  );
}

function button(id, text, label, onClick) {
  const node = el('button', { type: 'button', id, className: 'change', textContent: text, 'aria-label': label });
  node.addEventListener('click', onClick);
  return node;
}

/** A one-field form (rename, move, merge): label, field, submit button. */
function inlineForm(id, labelText, field, submitText, onSubmit) {
  field.id = `${id}-field`;
  field.required = true;
  const form = el('form', { className: 'inline' }, el('label', { htmlFor: field.id }, labelText), field, el('button', { type: 'submit', id: `${id}-submit`, className: 'change', textContent: submitText }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(field.value);
  });
  return form;
}

function select(options, selected) {
  return el('select', {}, ...options.map(([value, text]) => el('option', { value, textContent: text, selected: value === selected })));
}

function intentCard(intent) {
  const id = `intent-${intent.id}`;
  const others = view.intents.filter((other) => other.id !== intent.id && other.status !== 'discarded');
  const volume = `${intent.conversations} conversations · ${percent(intent.share)} of all · ${intent.examples} examples`;
  return el(
    'article',
    { className: `intent status-${intent.status}`, id, tabIndex: -1, 'aria-labelledby': `${id}-name` },
    el('div', { className: 'intent-head' }, el('h3', { id: `${id}-name` }, outsideText(intent.name)), el('span', { className: `badge badge-${intent.status}` }, intent.status)),
    el('p', { className: 'muted small' }, el('code', {}, intent.id), ` · ${volume}`),
    intent.samples.length ? el('ul', { className: 'samples', 'aria-label': `Sample requests for ${intent.name}` }, ...intent.samples.map((text) => el('li', {}, outsideText(text)))) : null,
    intent.conversationIds.length
      ? el(
          'p',
          { className: 'small trace' },
          'Conversations behind it: ',
          ...intent.conversationIds.flatMap((conversation, i) => [i ? ', ' : '', el('code', {}, outsideText(conversation))]),
          intent.run ? ` · discovery run ${intent.run} (its report shows these conversations, masked)` : '',
        )
      : null,
    el(
      'div',
      { className: 'actions wrap' },
      intent.status !== 'approved' ? button(`${id}-approve`, 'Approve', `Approve ${intent.name}`, () => send([{ kind: 'approve', ids: [intent.id] }], `Approved ${intent.name}`)) : null,
      intent.status !== 'discarded' ? button(`${id}-discard`, 'Discard', `Discard ${intent.name}`, () => send([{ kind: 'discard', ids: [intent.id] }], `Discarded ${intent.name}`)) : null,
    ),
    el(
      'details',
      { className: 'edit', id: `${id}-edit` },
      el('summary', {}, `Rename, move or merge ${intent.name}`),
      inlineForm(`${id}-rename`, 'New name', el('input', { type: 'text', value: intent.name, maxLength: 200 }), 'Rename', (name) =>
        send([{ kind: 'rename', id: intent.id, name }], `Renamed to ${name}`),
      ),
      inlineForm(`${id}-move`, 'Group', select(view.groups.map((group) => [group.id, group.name]), intent.groupId), 'Move', (groupId) =>
        send([{ kind: 'move', id: intent.id, groupId }], `Moved ${intent.name}`),
      ),
      others.length
        ? inlineForm(`${id}-merge`, 'Merge into', select(others.map((other) => [other.id, other.name]), others[0].id), 'Merge', (into) =>
            send([{ kind: 'merge', into, ids: [intent.id] }], `Merged ${intent.name}`),
          )
        : null,
    ),
    intent.attributes.length ? el('ul', { className: 'plain attributes', 'aria-label': `Attributes of ${intent.name}` }, ...intent.attributes.map((attribute) => attributeItem(intent, attribute))) : null,
  );
}

function attributeItem(intent, attribute) {
  const id = `attr-${intent.id}-${attribute.name}`;
  const ref = { intentId: intent.id, name: attribute.name };
  const title = attribute.label ?? attribute.name;
  return el(
    'li',
    { className: `attribute status-${attribute.status}`, id },
    el('div', { className: 'attribute-head' }, el('strong', {}, title), el('code', {}, attribute.name), el('span', { className: `badge badge-${attribute.status}` }, attribute.status)),
    el(
      'p',
      { className: 'small' },
      `${attribute.type}${attribute.required ? ', required' : ''} · asked in ${percent(attribute.weight)} · `,
      el('q', {}, attribute.question),
      attribute.values.length ? ` · values: ${attribute.values.join(', ')}` : '',
      attribute.pattern ? ` · pattern ${attribute.pattern}` : '',
    ),
    el(
      'div',
      { className: 'actions wrap' },
      attribute.status !== 'approved'
        ? button(`${id}-approve`, 'Approve', `Approve attribute ${title} of ${intent.name}`, () => send([{ kind: 'approve-attributes', attributes: [ref] }], `Approved ${title}`))
        : null,
      attribute.status !== 'discarded'
        ? button(`${id}-discard`, 'Discard', `Discard attribute ${title} of ${intent.name}`, () => send([{ kind: 'discard-attributes', attributes: [ref] }], `Discarded ${title}`))
        : null,
    ),
    el('details', { className: 'edit', id: `${id}-edit` }, el('summary', {}, `Edit ${title}`), attributeForm(id, ref, attribute)),
  );
}

function field(id, labelText, input) {
  input.id = id;
  return el('div', { className: 'field' }, el('label', { htmlFor: id }, labelText), input);
}

function attributeForm(id, ref, attribute) {
  const label = el('input', { type: 'text', value: attribute.label ?? '', maxLength: 80 });
  const question = el('input', { type: 'text', value: attribute.question, maxLength: 500, required: true });
  const type = select(TYPES.map((t) => [t, t]), attribute.type);
  const required = el('input', { type: 'checkbox', checked: attribute.required });
  const values = el('input', { type: 'text', value: attribute.values.join(', ') });
  const pattern = el('input', { type: 'text', value: attribute.pattern ?? '', spellcheck: false });
  const form = el(
    'form',
    { className: 'attribute-form' },
    field(`${id}-label`, 'Label', label),
    field(`${id}-question`, 'Question', question),
    field(`${id}-type`, 'Type', type),
    el('div', { className: 'field checkbox' }, required, el('label', { htmlFor: `${id}-required` }, 'Required')),
    field(`${id}-values`, 'Values (comma-separated)', values),
    field(`${id}-pattern`, 'Pattern (regular expression)', pattern),
    el('button', { type: 'submit', id: `${id}-save`, className: 'change', textContent: 'Save attribute' }),
  );
  required.id = `${id}-required`;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const list = values.value.split(',').map((value) => value.trim()).filter(Boolean);
    const changes = { question: question.value, type: type.value, required: required.checked, values: list.length ? list : null, pattern: pattern.value.trim() || null };
    if (label.value.trim()) changes.label = label.value.trim();
    void send([{ kind: 'edit-attribute', attribute: ref, changes }], `Saved ${ref.name}`);
  });
  return form;
}

async function loadQuality() {
  qualityFor = view.etag;
  const status = $('quality-status');
  status.textContent = 'Checking which intents the classifier confuses…';
  try {
    const quality = await api('GET', '/api/library/quality');
    if (quality.etag !== view.etag) return;
    const name = (intentId) => view.intents.find((intent) => intent.id === intentId)?.name ?? intentId;
    const link = (intentId) => el('a', { href: `#intent-${intentId}` }, outsideText(name(intentId)));
    const items = [
      ...quality.overlaps.map((overlap) =>
        el('li', { className: 'overlap' }, el('span', { className: 'badge' }, 'overlap'), link(overlap.intent), ` — ${percent(overlap.share)} of its examples (${overlap.count}) are taken for `, link(overlap.confusedWith)),
      ),
      ...quality.fewExamples.map((thin) =>
        el('li', { className: 'few' }, el('span', { className: 'badge' }, 'few examples'), link(thin.intent), ` — ${thin.examples} example${thin.examples === 1 ? '' : 's'}; at least ${quality.minExamples} are needed to learn it`),
      ),
    ];
    $('quality-list').replaceChildren(...items);
    status.textContent = items.length
      ? `Cross-validation on ${quality.checked} examples found ${quality.overlaps.length} overlap${quality.overlaps.length === 1 ? '' : 's'} and ${quality.fewExamples.length} intent${quality.fewExamples.length === 1 ? '' : 's'} with too few examples.`
      : `Cross-validation on ${quality.checked} examples: no intents confused, none with too few examples.`;
  } catch (error) {
    status.textContent = `Could not check quality: ${error.message}`;
  }
}

takeTokenFromFragment();
$('publish').addEventListener('click', () => void publish());
$('discard-pending').addEventListener('click', () => void discardPending());
void load();
