import FindMyWay, { type HTTPMethod } from 'find-my-way';

/**
 * Which methods the API answers on a path, so a request with the wrong method gets 405 and an
 * `Allow` header (RFC 9110 §15.5.6) instead of a 404 that says the path does not exist — or, for
 * `GET /leads/duplicates` (a POST-only path) matched by `GET /leads/:id`, a 400 about a lead id.
 * Fed by fastify's onRoute hook with every route as it is added; asked only on the error paths
 * and for parametric routes, so it costs a map lookup on a normal request.
 */
export class RouteMethodIndex {
  /** The same router fastify uses, holding every route under a no-op handler, to match paths as it does. */
  readonly #router = FindMyWay();
  /** Route patterns without parameters, by path: the methods each is served for. */
  readonly #staticPaths = new Map<string, Set<string>>();
  readonly #methods = new Set<string>();

  add(method: string | string[], url: string): void {
    for (const one of Array.isArray(method) ? method : [method]) {
      const upper = one.toUpperCase();
      // Fastify adds each route once per method; the same pattern twice would throw in the router.
      if (this.#router.hasRoute(upper as HTTPMethod, url)) continue;
      this.#router.on(upper as HTTPMethod, url, () => {});
      this.#methods.add(upper);
      if (!url.includes(':') && !url.includes('*')) {
        const methods = this.#staticPaths.get(url) ?? new Set<string>();
        methods.add(upper);
        this.#staticPaths.set(url, methods);
      }
    }
  }

  /** Every method some route answers on this path (its query left out), in a stable order. */
  methodsFor(path: string): string[] {
    const pathname = path.split('?')[0] ?? path;
    return [...this.#methods].filter((method) => this.#router.find(method as HTTPMethod, pathname)).sort();
  }

  /**
   * The methods of a route written exactly as this path, without parameters: a request that
   * reached a parametric route of another method (`GET /leads/:id` for `/leads/duplicates`) meant
   * that resource, not an id.
   */
  staticMethodsFor(path: string): string[] {
    const pathname = path.split('?')[0] ?? path;
    return [...(this.#staticPaths.get(pathname) ?? [])].sort();
  }
}
