import { type TSchema, Type } from "typebox";
import { errorResponses, Uuid } from "../../platform/http/schemas.js";

/** Route helpers of the operations module's plugins. */
export const ChildParams = <N extends string>(name: N) =>
  Type.Object({ id: Uuid, [name]: Uuid } as { id: typeof Uuid } & Record<N, typeof Uuid>, {
    additionalProperties: false,
  });

export const ok = (schema: TSchema) => ({ 200: schema, ...errorResponses });
export const created = (schema: TSchema) => ({ 201: schema, ...errorResponses });
