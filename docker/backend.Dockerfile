# Bofast: one image with the NestJS backend and the built Angular frontend.
# Build from the repository root:  docker build -f docker/backend.Dockerfile -t bofast .
# Needs DATABASE_URL and the CPR keys at run time (see docker/docker-compose.yml). Built and run with
# podman by `npm run test:image` (tools/test-image.sh); see docs/operations.md.

# ---- build: the whole workspace, as in development ----------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /repo
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
COPY package.json package-lock.json .npmrc ./
# Not `npm ci`: it fails with this registry (optional binaries of other platforms are missing).
# No compilers needed: argon2 ships prebuilt binaries for linux x64/arm64 (glibc and musl).
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=backend,frontend --outputStyle=static

# ---- runtime: dist + its runtime dependencies only ----------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    FRONTEND_DIST=/app/frontend/browser
# dist/backend holds main.js and a generated package.json + lockfile with the runtime dependencies.
# --omit=optional leaves out embedded-postgres (a beta with 60 MB of server binaries): the image
# always runs against DATABASE_URL.
COPY --from=build /repo/.npmrc /repo/dist/backend/ /app/
RUN npm install --omit=dev --omit=optional --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /repo/dist/frontend/ /app/frontend/
# Files stay owned by root (read-only for the app); the process runs as the unprivileged user node.
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
