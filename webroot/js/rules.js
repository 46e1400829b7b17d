// The rules panel: lists the rules, enables/disables them and adds new ones through the rules API. Mutations need
// the API token; the page asks for it when first needed and keeps it in sessionStorage only, so it goes away with
// the tab and is never written to disk by the page or shared with other tabs.

import {api} from './api.js';
import {byId, el} from './dom.js';

const TOKEN_KEY = 'tickwire.api-token';

export class RulesPanel {
  constructor() {
    this.body = byId('rules');
    this.status = byId('rules-status');
    this.tokenForm = byId('token-form');
    this.tokenInput = byId('token');
    this.ruleForm = byId('rule-form');
    this.waitingForToken = null;
    this.tokenForm.addEventListener('submit', (e) => this.tokenGiven(e));
    this.ruleForm.addEventListener('submit', (e) => this.addRule(e));
  }

  async refresh() {
    try {
      const {rules} = await api.rules();
      this.draw(rules ?? []);
    } catch (e) {
      this.say(`cannot list rules: ${e.detail ?? e.message}`, true);
    }
  }

  draw(rules) {
    if (rules.length === 0) {
      this.body.replaceChildren(el('tr', {}, el('td', {class: 'muted'}, 'no rules')));
      return;
    }
    this.body.replaceChildren(...rules.map((rule) => el('tr', {dataset: {rule: rule.name}},
        el('td', {}, el('input', {
          type: 'checkbox', checked: rule.enabled, title: rule.enabled ? 'enabled: click to disable' : 'disabled: click to enable',
          onchange: (e) => this.setEnabled(rule, e.target.checked),
        })),
        el('td', {class: 'rule-name'}, rule.name),
        el('td', {class: 'rule-condition', title: rule.condition}, rule.condition),
        el('td', {class: 'muted'}, `v${rule.version}`))));
  }

  setEnabled(rule, enabled) {
    const {name, condition, signal, score, cooldown_ms} = rule;
    this.mutate(`${enabled ? 'enable' : 'disable'} ${name}`,
        (token) => api.replaceRule({name, condition, signal, score, cooldown_ms, enabled}, token));
  }

  addRule(event) {
    event.preventDefault();
    const form = new FormData(this.ruleForm);
    const rule = {
      name: form.get('name').trim(),
      condition: form.get('condition').trim(),
      signal: Number(form.get('signal')),
      score: Number(form.get('score')),
      cooldown_ms: Number(form.get('cooldown_ms')),
    };
    this.mutate(`add ${rule.name}`, (token) => api.createRule(rule, token), () => this.ruleForm.reset());
  }

  /** Runs `call` with the token, asking for one first if the tab has none, and again if the server refuses it. */
  async mutate(what, call, onDone) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      this.askForToken(what, () => this.mutate(what, call, onDone));
      return;
    }
    try {
      await call(token);
      this.say(`${what}: done`);
      onDone?.();
    } catch (e) {
      if (e.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        this.askForToken(what, () => this.mutate(what, call, onDone), 'the server refused the token');
        return;
      }
      this.say(`${what}: ${e.detail ?? e.message}`, true);
    }
    await this.refresh();
  }

  askForToken(what, retry, why = '') {
    this.waitingForToken = retry;
    this.tokenForm.hidden = false;
    this.tokenInput.focus();
    this.say(`${why ? why + '; ' : ''}enter the API token to ${what}`, Boolean(why));
    // A checkbox flipped while waiting would otherwise show a state the server does not have.
    this.refresh();
  }

  tokenGiven(event) {
    event.preventDefault();
    const token = this.tokenInput.value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    this.tokenInput.value = '';
    this.tokenForm.hidden = true;
    const retry = this.waitingForToken;
    this.waitingForToken = null;
    retry?.();
  }

  say(text, error = false) {
    this.status.textContent = text;
    this.status.classList.toggle('error', error);
  }
}
