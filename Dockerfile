# The service's image: API, worker, migrations and the gateway simulator, picked by the command
# (docker-compose.yml runs `npm run serve:api`, `serve:worker`, `migrate`, `start:simulator`).
# `npm run build` compiles the service to JavaScript (the API and the worker run on node alone: less memory,
# a faster start) and prebuilds the workflow bundle, so that a worker does not bundle at every start. The
# one-off commands (migrate, the simulator) still run through tsx, so the dependencies stay whole.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json mikro-orm.config.ts ./
COPY src ./src
COPY scripts/build.ts scripts/build-workflow-bundle.ts ./scripts/
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json tsconfig.json mikro-orm.config.ts ./
COPY src ./src
# The worker's mail catcher writes under .data (MAIL_OUTBOX_PATH); nothing else is written.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000 4010 9464 9465
CMD ["npm", "run", "serve:api"]
