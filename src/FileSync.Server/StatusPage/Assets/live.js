// The notifications WebSocket (API.md §6): connects, re-subscribes to every resource after each
// connection.established, and reconnects with a growing delay (1 s doubling up to 30 s) when it drops.

const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 30000;

export class NotificationSocket {
  /**
   * @param {() => string} url         the URL to connect to (read again at each attempt: the API key may change)
   * @param {(state: string) => void} onState  'connecting' | 'live' | 'offline'
   * @param {(message: object) => void} onMessage  every message but connection.established
   */
  constructor(url, onState, onMessage) {
    this.url = url;
    this.onState = onState;
    this.onMessage = onMessage;
    this.resources = new Set();
    this.socket = null;
    this.established = false;
    this.delay = FIRST_DELAY_MS;
    this.timer = null;
  }

  start() {
    this.connect();
  }

  /** Closes the current connection and connects again at once (e.g. after the API key changed). */
  restart() {
    this.delay = FIRST_DELAY_MS;
    clearTimeout(this.timer);
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
    }
    this.connect();
  }

  /** Subscribes now when connected, and again after every reconnection. */
  subscribe(resource) {
    if (this.resources.has(resource)) return;
    this.resources.add(resource);
    if (this.established) this.sendSubscribe(resource);
  }

  connect() {
    this.established = false;
    this.onState('connecting');
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => this.scheduleReconnect();
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.resource === '/notifications' && message.event === 'connection.established') {
      this.established = true;
      this.delay = FIRST_DELAY_MS;
      this.onState('live');
      for (const resource of this.resources) this.sendSubscribe(resource);
      return;
    }
    this.onMessage(message);
  }

  sendSubscribe(resource) {
    this.socket.send(JSON.stringify({ resource: '_client', event: 'subscribe', data: { resource } }));
  }

  scheduleReconnect() {
    this.established = false;
    this.socket = null;
    this.onState('offline');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), this.delay);
    this.delay = Math.min(this.delay * 2, LONGEST_DELAY_MS);
  }
}
