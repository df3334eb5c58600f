#!/usr/bin/env bash
# Checks the deployment descriptors without a Docker engine or a cluster (docs/deployment.md):
#   1. docker-compose.yml: `docker compose config` (or Debian's docker-compose 1.29) with .env.example as .env,
#      plus the same without any .env, which must fail on the missing credentials;
#   2. every k8s/overlays/<env>: `kubectl kustomize` (or `kustomize build`), and the output validated against the
#      Kubernetes API schemas (tools/k8s-validate, npm ci on first use).
# Exit code 0 when all pass, 1 when a check fails, 3 when a needed tool is missing (kubectl or kustomize, node/npm,
# docker compose) and cannot be installed: .ci/run reports that as a warning. In CI (CI=true, root) a missing
# docker-compose is installed from Debian.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/target/check-deploy"
mkdir -p "$OUT"
say() { printf 'check-deploy: %s\n' "$*"; }
die() { printf 'check-deploy: FAILED: %s\n' "$*" >&2; exit 1; }
missing() { printf 'check-deploy: MISSING TOOL: %s\n' "$*" >&2; exit 3; }

# --- docker compose ---------------------------------------------------------------------------------------------
compose=()
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing docker-compose (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  compose=(docker-compose)
else
  missing "neither 'docker compose' nor 'docker-compose' found (Debian: apt-get install docker-compose)"
fi
say "compose: ${compose[*]} config (with .env.example)"
"${compose[@]}" --env-file .env.example -f docker-compose.yml config >"$OUT/compose.yaml" \
  || die "docker-compose.yml is not valid (${compose[*]} --env-file .env.example config)"
# without a .env the credentials are missing: compose must refuse, not start with empty passwords
empty_env="$OUT/empty.env"
: >"$empty_env"
if env -u LPZ_DB_PASSWORD -u LPZ_DB_USER -u POSTGRES_PASSWORD -u LPZ_VERSION \
    "${compose[@]}" --env-file "$empty_env" -f docker-compose.yml config >/dev/null 2>&1; then
  die "docker-compose.yml accepted a missing LPZ_DB_PASSWORD/POSTGRES_PASSWORD (use \${VAR:?message})"
fi
# only the gateway and the trace viewer publish a port (backends scale with --scale, and two replicas cannot share
# a host port)
published="$(grep -c '^ *ports:' docker-compose.yml || true)"
[ "$published" = 2 ] || die "docker-compose.yml: expected two 'ports:' (the gateway, jaeger), found $published"
say "compose: OK"

# --- Kubernetes -------------------------------------------------------------------------------------------------
if command -v kubectl >/dev/null 2>&1; then
  kustomize_build() { kubectl kustomize "$1"; }
  kz="kubectl kustomize"
elif command -v kustomize >/dev/null 2>&1; then
  kustomize_build() { kustomize build "$1"; }
  kz="kustomize build"
else
  missing "neither kubectl (1.27+, with its built-in kustomize v5) nor kustomize (v5) found: the k8s/ overlays are not checked"
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || missing "node and npm are needed for the schema validation (Debian: apt-get install nodejs npm)"
VALIDATOR="$ROOT/tools/k8s-validate"
if [ ! -d "$VALIDATOR/node_modules" ] || [ "$VALIDATOR/package-lock.json" -nt "$VALIDATOR/node_modules/.package-lock.json" ]; then
  say "installing the validator (npm ci in tools/k8s-validate)"
  (cd "$VALIDATOR" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in tools/k8s-validate failed"
fi
overlays=("$ROOT"/k8s/overlays/*/)
[ -d "${overlays[0]}" ] || die "no overlays under k8s/overlays/"
for dir in "${overlays[@]}"; do
  env_name="$(basename "$dir")"
  say "k8s: $kz k8s/overlays/$env_name"
  kustomize_build "$dir" >"$OUT/k8s-$env_name.yaml" || die "kustomize build of k8s/overlays/$env_name failed"
  node "$VALIDATOR/validate.mjs" "$OUT/k8s-$env_name.yaml" | sed 's/^/    /' \
    || die "k8s/overlays/$env_name does not validate (output: target/check-deploy/k8s-$env_name.yaml)"
done
say "all deployment checks passed"
