/**
 * The two web pages (planner at `/`, community at `/community`) and their assets, served from
 * the built @carebus/web folder. Nothing comes from a CDN. When the pages have not been built
 * the routes answer with a short page that says how to build them, instead of a bare 404.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>carebus</title></head>
<body><h1>carebus</h1><p>pages not built: run <code>pnpm build</code> (or <code>pnpm --filter @carebus/web build</code>) and restart the server.</p>
<p>The API works meanwhile: <a href="/docs">/docs</a>.</p></body></html>\n`;

/** Registers `/`, `/community` and `/assets/*` served from `webRoot`. */
export async function pageRoutes(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const assets = webRoot ? join(webRoot, "assets") : null;
  if (assets && existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: "/assets/",
      decorateReply: false,
      index: false,
      maxAge: "1h",
    });
  }
  const page = (file: string) => async (_request: unknown, reply: FastifyReply) => {
    const path = webRoot ? join(webRoot, file) : null;
    if (!path || !existsSync(path)) return reply.type("text/html; charset=utf-8").send(NOT_BUILT);
    const { readFile } = await import("node:fs/promises");
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(await readFile(path));
  };
  app.get("/", { schema: { hide: true } }, page("index.html"));
  app.get("/community", { schema: { hide: true } }, page("community.html"));
}
