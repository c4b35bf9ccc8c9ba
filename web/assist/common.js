// Shared by the assist pages: the access token (API key or Entra ID token) and authenticated calls.
const TOKEN_KEY = 'intent-skill.assist.token';

export function takeTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export class Unauthorized extends Error {}

/** A refusal with its HTTP status and the error body's code (`Conflict`, `Forbidden`, ...). */
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token()) headers.authorization = `Bearer ${token()}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = await response.json().catch(() => ({}));
  if (response.status === 401) throw new Unauthorized(payload.error?.message ?? 'not signed in');
  if (!response.ok) throw new ApiError(payload.error?.message ?? `HTTP ${response.status}`, response.status, payload.error?.code);
  return payload;
}

/** Shows the key form in `host`; resolves once a key is entered. */
export function askForToken(host, message) {
  return new Promise((resolve) => {
    host.hidden = false;
    host.replaceChildren();
    const form = el('form', { className: 'key-form' });
    const label = el('label', { htmlFor: 'assist-key', textContent: 'API key or access token' });
    const input = el('input', { id: 'assist-key', type: 'password', autocomplete: 'off', required: true });
    const button = el('button', { type: 'submit', textContent: 'Connect' });
    form.append(el('p', { textContent: message }), label, input, button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      setToken(input.value);
      host.hidden = true;
      resolve();
    });
    host.append(form);
    input.focus();
  });
}

/** An element with properties and children; string children become text nodes, never markup. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'innerHTML' || key === 'outerHTML') throw new Error(`el(): ${key} is not allowed; pass text as a child`);
    if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/**
 * Text that came from a customer or the platform (a message, a value, a conversation id): as text, in a <bdi> of
 * its own, so right-to-left text or a direction override in it cannot reorder the page around it.
 */
export function outsideText(text, props = {}) {
  return el('bdi', props, text);
}

export function percent(confidence) {
  return `${Math.round(confidence * 100)}%`;
}
