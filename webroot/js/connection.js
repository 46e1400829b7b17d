// The live feed: one WebSocket to /ws that reconnects by itself. After every (re)connect it sends the current
// subscription again, since the server keeps none across connections. States go to onState so the page can say
// what it is doing: 'connecting', 'live', 'reconnecting' (with the delay) or 'offline' (the browser says so).

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
// The server sends health every second; this much silence means the socket is dead even if TCP has not noticed.
const SILENCE_MS = 10_000;
const PING_MS = 5_000;

export class LiveConnection {
  constructor({url, onMessage, onState}) {
    this.url = url;
    this.onMessage = onMessage;
    this.onState = onState;
    this.subscription = null;
    this.socket = null;
    this.delay = FIRST_DELAY_MS;
    this.retryTimer = null;
    this.lastHeard = 0;
    this.watchdog = null;
    this.reconnects = 0;
  }

  start() {
    window.addEventListener('online', () => this.reconnectNow());
    window.addEventListener('offline', () => this.onState('offline', 'the browser is offline'));
    this.watchdog = setInterval(() => this.checkAlive(), PING_MS);
    this.open();
  }

  /** Replaces the subscription; sent now if connected, else on the next connect. */
  subscribe(subscription) {
    this.subscription = subscription;
    this.send(subscription);
  }

  send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  open() {
    this.retryTimer = null;
    this.onState('connecting', this.reconnects ? `attempt ${this.reconnects + 1}` : '');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.delay = FIRST_DELAY_MS;
      this.lastHeard = Date.now();
      this.onState('live', '');
      if (this.subscription) this.send(this.subscription);
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        console.warn('tickwire: ignoring a non-JSON frame from /ws');
        return;
      }
      this.onMessage(message);
    };
    // onerror is always followed by onclose, which schedules the retry; handling both would retry twice.
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket === socket) this.scheduleRetry();
    };
  }

  scheduleRetry() {
    this.socket = null;
    if (this.retryTimer) return;
    // Full jitter, so many pages reconnecting after a restart do not arrive at the server at the same moment.
    const wait = Math.round(this.delay / 2 + Math.random() * this.delay / 2);
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    this.reconnects++;
    this.onState('reconnecting', `retry in ${(wait / 1000).toFixed(1)} s`);
    this.retryTimer = setTimeout(() => this.open(), wait);
  }

  reconnectNow() {
    if (this.socket) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.delay = FIRST_DELAY_MS;
    this.open();
  }

  checkAlive() {
    const socket = this.socket;
    if (socket?.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastHeard > SILENCE_MS) {
      this.socket = null;
      socket.close();
      this.scheduleRetry();
    } else {
      this.send({op: 'ping'});
    }
  }
}
