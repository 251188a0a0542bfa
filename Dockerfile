# Partner Hub, production image: `node dist/main.js` with Slack credentials from the environment.
# Each step is a command that was run and checked outside Docker (see README, "Production start").

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary can be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# npm ci runs postinstall (prisma generate), which reads the schemas and their configs.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY manifest.yml tsconfig.json ./
COPY src ./src
# The generated Prisma clients are bundled into dist/, so pruning dev dependencies loses nothing.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
# Leaderboard charts are drawn with DejaVu Sans (src/slack/charts); the slim image has no fonts.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=file:/app/data/partner-hub.db
# What dist/ reads at run time: packages, the manifest (scopes) and the migrations it applies at start.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/manifest.yml ./
COPY --from=build /app/prisma/migrations ./prisma/migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# --optimize-for-size: about 20 MB less at idle and far less growth under load, same throughput
# (measured with bench:ack-latency and bench:startup, see bench/README.md).
CMD ["node", "--optimize-for-size", "dist/main.js"]
