import { send } from './api.js';
import { delay } from './dom.js';

// The API's live feed (GET /api/v1/events/live, server-sent events). EventSource cannot send the
// Authorization header, so the stream is read with fetch() and parsed here. One connection serves the
// whole console; it reconnects with back-off while anyone listens.
export class LiveFeed {
  #listeners = new Set();
  #stateListeners = new Set();
  #abort = null;
  state = 'off';

  // fn(name, liveEvent) for every event; returns the unsubscribe function.
  subscribe(fn) {
    this.#listeners.add(fn);
    if (!this.#abort) {
      this.#abort = new AbortController();
      this.#run(this.#abort.signal);
    }
    return () => this.#listeners.delete(fn);
  }

  onState(fn) {
    this.#stateListeners.add(fn);
    fn(this.state);
  }

  stop() {
    this.#abort?.abort();
    this.#abort = null;
    this.#setState('off');
  }

  async #run(signal) {
    let wait = 1000;
    while (!signal.aborted) {
      try {
        this.#setState('connecting');
        const response = await send('GET', '/events/live', { signal, accept: 'text/event-stream' });
        this.#setState('live');
        wait = 1000;
        await this.#read(response.body, signal);
      } catch (error) {
        if (signal.aborted) {
          return;
        }
        console.warn('live feed:', error.message);
      }
      this.#setState('reconnecting');
      await delay(wait, signal);
      wait = Math.min(wait * 2, 15000);
    }
  }

  async #read(body, signal) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    signal.addEventListener('abort', () => reader.cancel().catch(() => {}), { once: true });
    let buffer = '';
    let name = 'message';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        if (line === '') {
          if (data.length > 0) {
            this.#emit(name, data.join('\n'));
          }
          name = 'message';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const fieldName = colon < 0 ? line : line.slice(0, colon);
          const fieldValue = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (fieldName === 'event') {
            name = fieldValue;
          } else if (fieldName === 'data') {
            data.push(fieldValue);
          }
        }
      }
    }
  }

  #emit(name, text) {
    let payload;
    try {
      payload = JSON.parse(text);
    } catch {
      return;
    }
    for (const listener of this.#listeners) {
      listener(name, payload);
    }
  }

  #setState(state) {
    this.state = state;
    for (const listener of this.#stateListeners) {
      listener(state);
    }
  }
}

export const live = new LiveFeed();
