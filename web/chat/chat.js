// Connects Web Chat to this service's local Direct Line endpoint (polling; no WebSocket).
(async function start() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/v3/directline/tokens/generate', { method: 'POST' });
    if (!response.ok) throw new Error(`the token request failed with HTTP ${response.status}`);
    const { token } = await response.json();
    const directLine = window.WebChat.createDirectLine({
      domain: new URL('/v3/directline', window.location.href).href,
      token,
      webSocket: false,
      pollingInterval: 300,
    });
    window.WebChat.renderWebChat(
      { directLine, styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow' } },
      document.getElementById('webchat'),
    );
  } catch (error) {
    status.hidden = false;
    status.textContent = `Web Chat could not start: ${error.message}`;
  }
})();
