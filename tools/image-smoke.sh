#!/usr/bin/env bash
# Builds real, runnable images without Docker and without a registry, and runs two of them.
#
#   1. a Debian bookworm JRE base image (debootstrap minbase + openjdk-17-jre-headless from Debian's mirror), written
#      as a docker-save tarball: the stand-in for eclipse-temurin on machines that cannot reach Docker Hub;
#   2. every service image with Jib on that base (./mvnw -Pimages jib:buildTar -Djib.from.image=tar://...);
#   3. the capacity-service and gateway images unpacked layer by layer into a root file system and started as their
#      image config says (entrypoint, environment, user 65532, working dir) in a chroot with its own PID namespace and
#      /proc, on this machine's network, against the platform `./lpz up` runs (PostgreSQL, Kafka, the services):
#      capacity-service from the image joins as a second instance, the gateway from the image routes to the services.
#      Checks: readiness UP, identity headers without the gateway's proof refused, API calls through the gateway to
#      both, the process runs as uid 65532.
#
# Needs root (debootstrap, chroot, unshare) and `./lpz up` running. The base is cached in .lpz/image-base/.
# Usage: bash tools/image-smoke.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/target/image-smoke"
BASE_DIR="$ROOT/.lpz/image-base"
say() { printf 'image-smoke: %s\n' "$*"; }
die() { printf 'image-smoke: FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, unshare)"
curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health || die "the platform is not up: ./lpz up first"
command -v debootstrap >/dev/null || {
  say "installing debootstrap (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

# --- 1. the base image ------------------------------------------------------------------------------------------
if [ ! -f "$BASE_DIR/base.tar" ]; then
  say "building the base: Debian bookworm minbase + openjdk-17-jre-headless (debootstrap, about a minute)"
  rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,curl bookworm \
    "$BASE_DIR/rootfs" http://deb.debian.org/debian >"$BASE_DIR/debootstrap.log" 2>&1 \
    || die "debootstrap failed (see $BASE_DIR/debootstrap.log)"
  rm -rf "$BASE_DIR/rootfs/var/cache/apt/"* "$BASE_DIR/rootfs/var/lib/apt/lists/"*
  echo 'nonroot:x:65532:65532:nonroot:/home/nonroot:/usr/sbin/nologin' >>"$BASE_DIR/rootfs/etc/passwd"
  echo 'nonroot:x:65532:' >>"$BASE_DIR/rootfs/etc/group"
  mkdir -p "$BASE_DIR/rootfs/home/nonroot" && chown 65532:65532 "$BASE_DIR/rootfs/home/nonroot"
  (cd "$BASE_DIR" && tar --numeric-owner -cf layer.tar -C rootfs .)
  layer_sha="$(sha256sum "$BASE_DIR/layer.tar" | cut -d' ' -f1)"
  cat >"$BASE_DIR/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},"history":[{"created_by":"tools/image-smoke.sh: debootstrap bookworm minbase + openjdk-17-jre-headless"}]}
JSON
  echo '[{"Config":"config.json","RepoTags":["lpz-debian-jre:17"],"Layers":["layer.tar"]}]' >"$BASE_DIR/manifest.json"
  (cd "$BASE_DIR" && tar -cf base.tar manifest.json config.json layer.tar && rm -rf layer.tar rootfs)
fi
say "base: $BASE_DIR/base.tar ($(du -h "$BASE_DIR/base.tar" | cut -f1))"

# --- 2. the images ----------------------------------------------------------------------------------------------
say "building the images with Jib on that base"
./mvnw -B -q -o -Pimages -DskipTests package jib:buildTar -Djib.from.image="tar://$BASE_DIR/base.tar" \
  || die "jib:buildTar failed"
for m in capacity-service stop-service reporting-service gateway devtools; do
  [ -f "$m/target/jib-image.tar" ] || die "no image for $m"
  say "image $m: $m/target/jib-image.tar ($(du -h "$m/target/jib-image.tar" | cut -f1))"
done

# --- 3. run two of them -----------------------------------------------------------------------------------------
unpack() { # image tar, target dir → prints the image config as JSON
  local tarball="$1" dir="$2" tmp
  tmp="$(mktemp -d)"
  tar -xf "$tarball" -C "$tmp"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 - "$tmp" "$dir" <<'PY'
import json, os, subprocess, sys
tmp, target = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(tmp, "manifest.json")))[0]
for layer in manifest["Layers"]:
    path = os.path.join(tmp, layer)
    # Jib writes gzip layers in tarballs; tar detects the compression
    subprocess.run(["tar", "--numeric-owner", "--warning=no-unknown-keyword", "-xf", path, "-C", target], check=True)
print(json.dumps(json.load(open(os.path.join(tmp, manifest["Config"])))["config"]))
PY
  rm -rf "$tmp"
}

# the JVMs run as uid 65532 in their own PID namespace: stopping unshare would not stop them, so they are found by
# the port each was given (SIGTERM: graceful shutdown; SIGKILL after 30 s)
PORTS=()
cleanup() {
  for port in "${PORTS[@]:-}"; do [ -n "$port" ] && pkill -TERM -u 65532 -f -- "--server.port=$port" || true; done
  for _ in $(seq 1 30); do
    pgrep -u 65532 -f -- "--server.port=1898" >/dev/null || return 0
    sleep 1
  done
  pkill -KILL -u 65532 -f -- "--server.port=1898" || true
}
trap cleanup EXIT

run_image() { # module, log, extra args...
  local module="$1" log="$2"; shift 2
  local dir="$WORK/$module" config
  config="$(unpack "$module/target/jib-image.tar" "$dir")"
  mkdir -p "$dir/proc" "$dir/tmp" && chmod 1777 "$dir/tmp"
  # the identity key pair of ./lpz's gateway (ADR 0017), so the images and ./lpz's services trust each other
  mkdir -p "$dir/etc/lpz-identity"
  cp "$IDENTITY_DIR/gateway-identity-public.pem" "$dir/etc/lpz-identity/"
  [ "$module" != gateway ] || cp "$IDENTITY_DIR/gateway-identity-key.pem" "$dir/etc/lpz-identity/"
  chown -R 65532:65532 "$dir/etc/lpz-identity"
  local user workdir
  user="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("User") or "0")' "$config")"
  workdir="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("WorkingDir") or "/")' "$config")"
  mapfile -t envs < <(python3 -c 'import json,sys; [print(e) for e in json.loads(sys.argv[1]).get("Env", [])]' "$config")
  mapfile -t entry < <(python3 -c 'import json,sys; [print(a) for a in json.loads(sys.argv[1])["Entrypoint"]]' "$config")
  [ "$user" = 65532 ] || [ "$user" = 65532:65532 ] || die "$module: image user is '$user', not 65532"
  say "$module: running its entrypoint as uid ${user%%:*} in a chroot: ${entry[*]} $*"
  unshare --mount --pid --fork sh -c 'mount -t proc proc "$0/proc" && exec chroot --userspec=65532:65532 "$0" \
      env -i "$@"' "$dir" "${envs[@]}" HOME=/home/nonroot sh -c "cd '$workdir' && exec \"\$@\"" sh "${entry[@]}" "$@" \
      >"$log" 2>&1 &
  PORTS+=("$(printf '%s\n' "$@" | sed -n 's/^--server.port=//p')")
}

await_ready() { # port, what, log
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      say "$2 on :$1 is ready"; return 0
    fi
    sleep 2
  done
  tail -n 40 "$3" >&2
  die "$2 on :$1 did not become ready (log: $3)"
}

mkdir -p "$WORK"
# ./lpz's gateway keeps its keys in lpz.data-dir = .lpz in its working directory, the state directory .lpz
IDENTITY_DIR="$ROOT/.lpz/.lpz"
[ -f "$IDENTITY_DIR/gateway-identity-key.pem" ] || die "no gateway identity key in $IDENTITY_DIR: ./lpz up first"
# the same settings ./lpz gives the jar (application.yml defaults: 127.0.0.1:5432 lpz_capacity, Kafka 127.0.0.1:19092)
run_image capacity-service "$WORK/capacity-service.log" --server.port=18981 --lpz.processors.balance.interval=2s \
  --lpz.identity.gateway-public-keys=/etc/lpz-identity/gateway-identity-public.pem
await_ready 18981 "capacity-service (image)" "$WORK/capacity-service.log"
# identity headers without the gateway's proof are refused (ADR 0017); the signed call goes through the gateway below
status="$(curl -sS -o /dev/null -w '%{http_code}' http://127.0.0.1:18981/api/v1/code-lists/labels \
  -H 'X-Lpz-Subject: image-smoke' -H 'X-Lpz-Roles: ADMIN')"
[ "$status" = 401 ] || die "capacity-service (image): identity headers without a proof answered $status, not 401"
say "capacity-service (image) refuses identity headers without the gateway's proof"

run_image gateway "$WORK/gateway.log" --server.port=18980 --spring.profiles.active=local \
  --lpz.data-dir=/tmp/lpz-gateway --lpz.services.capacity-url=http://127.0.0.1:18981,http://127.0.0.1:8081 \
  --lpz.identity.signing-key=/etc/lpz-identity/gateway-identity-key.pem
await_ready 18980 "gateway (image)" "$WORK/gateway.log"
token="$(curl -fsS http://127.0.0.1:18980/dev/tokens -H 'Content-Type: application/json' \
  -d '{"sub":"image-smoke","roles":["RCPS"],"region":"ROAZ-NHF"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')"
regions="$(curl -fsS -H "Authorization: Bearer $token" http://127.0.0.1:18980/api/v1/regions/ROAZ-NHF/capacity)"
echo "$regions" | grep -q '"locations"' || die "gateway (image): no regional picture in: ${regions:0:300}"
say "gateway (image) routes an authenticated call to reporting-service"
admin="$(curl -fsS http://127.0.0.1:18980/dev/tokens -H 'Content-Type: application/json' \
  -d '{"sub":"image-smoke","roles":["ADMIN"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')"
for _ in 1 2; do # the gateway alternates between the image's instance and ./lpz's
  answer="$(curl -fsS -H "Authorization: Bearer $admin" http://127.0.0.1:18980/api/v1/code-lists/labels)"
  echo "$answer" | grep -q '"IC_BEADEMD"' || die "gateway (image) → capacity-service: no code list in: $answer"
done
say "capacity-service (image) answers the API through the gateway as one more instance of capacity-service"

owner="$(ps -o uid= -p "$(pgrep -f 'server.port=18981' | tail -1)" | tr -d ' ')"
[ "$owner" = 65532 ] || die "capacity-service (image) runs as uid $owner, not 65532"
say "OK: images built by Maven (Jib) without Docker, started from their own config as uid 65532"
