# crisis-desk as an image. Its steps are exactly the README's production install ("Production install" and
# "Deploying"): npm ci, npm run build, npm prune --omit=dev, then node --enable-source-maps --max-old-space-size=3072 dist/src/bot/main.js.
# CI does not build it (no Docker engine runs there); test/project/dockerfile.test.ts keeps it in step.

# Build: compilers for better-sqlite3 only here, never in the image that runs.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# .prebuild-installrc: better-sqlite3 compiles SQLite here instead of fetching a binary from outside npm.
COPY package.json package-lock.json .prebuild-installrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
COPY knowledge ./knowledge
RUN npm run build && npm prune --omit=dev

# Run: the compiled bot, its production dependencies and the bundled knowledge, as the unprivileged node user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    OPS_HOST=0.0.0.0 \
    OPS_PORT=9090 \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080 9090
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.OPS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "--max-old-space-size=3072", "dist/src/bot/main.js"]
