# Bofast: one image with the NestJS backend and the built Angular frontend.
# Build from the repository root:  docker build -f docker/backend.Dockerfile -t bofast .
# Needs DATABASE_URL at run time (see docker/docker-compose.yml). Not yet run: see docs/operations.md.

# ---- build ------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /repo
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
# python3/make/g++ only in case argon2 has to compile (it normally uses its linux-x64 prebuild).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# Not `npm ci`: it fails with this registry (optional binaries of other platforms are missing).
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=backend,frontend --outputStyle=static

# ---- runtime ----------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    FRONTEND_DIST=/app/frontend/browser
# dist/backend holds main.js and a generated package.json (+ lockfile) with the runtime dependencies.
COPY --from=build /repo/dist/backend/ /app/
RUN npm install --omit=dev --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /repo/dist/frontend/ /app/frontend/
# Files stay owned by root (read-only for the app); the process runs as the unprivileged user node.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
