// A bounded newest-first list (signals, anomalies, incidents). Items are deduplicated by key, because history
// loaded over REST and the live stream overlap after a (re)connect.

import {el} from './dom.js';

export class Feed {
  /**
   * @param list the <ol> to fill
   * @param render item -> <li>
   * @param keyOf item -> a string identifying it
   * @param limit how many items to keep on the page
   */
  constructor(list, {render, keyOf, sortKey, limit = 100, empty}) {
    this.list = list;
    this.render = render;
    this.keyOf = keyOf;
    this.sortKey = sortKey;
    this.limit = limit;
    this.items = [];
    this.keys = new Set();
    this.empty = empty;
    this.draw();
  }

  /** Adds items in any order; the feed keeps the newest `limit` of them, newest first. */
  add(...items) {
    let added = false;
    for (const item of items) {
      const key = this.keyOf(item);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.items.push(item);
      added = true;
    }
    if (!added) return;
    this.items.sort((a, b) => this.sortKey(b) - this.sortKey(a));
    for (const dropped of this.items.splice(this.limit)) {
      this.keys.delete(this.keyOf(dropped));
    }
    this.draw();
  }

  size() {
    return this.items.length;
  }

  draw() {
    if (this.items.length === 0) {
      this.list.replaceChildren(el('li', {class: 'muted placeholder'}, this.empty));
      return;
    }
    this.list.replaceChildren(...this.items.map(this.render));
  }
}
