/**
 * Security headers on every response, chosen by helmet (the library @fastify/helmet wraps).
 * @fastify/helmet builds helmet's middleware again on every request, parsing the CSP each
 * time, and its headers then go through Node's per-header path: together a sixth of a cached
 * feed's server time under load. The options here are fixed at start-up and hold no per-request
 * values (no nonces, no directive functions), so helmet runs once, against a recorder, and each
 * response gets the recorded headers as reply headers, written with Fastify's own.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** The app's helmet options: the pages load nothing from elsewhere but the optional map tiles. */
export function securityHeaderOptions(tileOrigin: string | null): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", "data:", ...(tileOrigin ? [tileOrigin] : [])],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Leaflet writes style attributes, which cannot run script; style elements stay 'self'.
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        // Deployments on plain http (a LAN address) must keep loading their own assets.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
  };
}

/** The headers helmet sets for `options`, lower-cased, as one object. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  // helmet 8 throws its errors rather than passing them to `next`.
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Adds the security headers to every response, before any route or error handler runs. */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook("onRequest", (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
