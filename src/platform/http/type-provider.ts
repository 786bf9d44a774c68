import type { FastifyPluginAsync, FastifyTypeProvider, RawServerDefault } from "fastify";
import type { Static, TSchema } from "typebox";

/**
 * Requests are typed from their TypeBox schemas. Replies are not typed at compile time: the response schema
 * still shapes and filters every reply at run time (fast-json-stringify), which also turns Date into ISO text.
 */
export interface AccordTypeProvider extends FastifyTypeProvider {
  validator: this["schema"] extends TSchema ? Static<this["schema"]> : unknown;
  serializer: unknown;
}

export type RoutesPlugin = FastifyPluginAsync<Record<never, never>, RawServerDefault, AccordTypeProvider>;
