/**
 * Security headers on every response, set by helmet (the library @fastify/helmet wraps).
 * @fastify/helmet builds helmet's middleware again on every request, parsing the CSP each
 * time, which was a seventh of a cached feed's server time under load; here the options are
 * fixed at start-up, so the middleware is built once and only applies its headers per request.
 */
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

/** Adds helmet's headers to every response, before any route or error handler runs. */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const applyHeaders = helmet(options);
  app.addHook("onRequest", (request, reply, done) => {
    // helmet 8 throws its errors rather than passing them on, so `next` is always a plain go-on.
    applyHeaders(request.raw, reply.raw, () => done());
  });
}
