// Opens an incident's report (GET /api/incidents/{id}) in a dialog on the page.

import {api} from './api.js';
import {byId} from './dom.js';

export class IncidentViewer {
  constructor() {
    this.dialog = byId('incident-dialog');
    this.title = byId('incident-title');
    this.report = byId('incident-report');
  }

  async open(id) {
    this.title.textContent = `incident ${id}`;
    this.report.textContent = 'loading…';
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const incident = await api.incident(id);
      this.report.textContent = incident.report ?? JSON.stringify(incident, null, 2);
    } catch (e) {
      this.report.textContent = `cannot load the report: ${e.detail ?? e.message}`;
    }
  }
}
