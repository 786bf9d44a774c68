import { Type } from "typebox";
import { IsoDateTime, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";

const Hash = Type.String({ pattern: "^[0-9a-f]{64}$", description: "SHA-256, 64 hex digits" });
const Size = Type.Integer({ minimum: 0, maximum: 2 ** 52 });

export const SignedHead = Type.Object(
  {
    origin: Type.String({ minLength: 1, maxLength: 500 }),
    treeSize: Size,
    rootHash: Hash,
    timestamp: IsoDateTime,
    keyId: Type.String({ pattern: "^[0-9a-f]{16}$" }),
    publicKey: Type.String({ maxLength: 200, description: "Ed25519 public key, SPKI DER in base64" }),
    signature: Type.String({ maxLength: 200, description: "Ed25519 signature, base64" }),
  },
  {
    additionalProperties: false,
    description: "A signed tree head; the signed text is described in docs/operations.md",
  },
);

export const SizeParams = StrictObject({ size: Size });

export const ConsistencyQuery = StrictObject({ first: Size, second: Size });
export const ConsistencyProof = Type.Object({
  first: Type.Integer(),
  second: Type.Integer(),
  proof: Type.Array(Hash),
});

export const InclusionParams = StrictObject({ seq: Type.Integer({ minimum: 1 }) });
export const InclusionQuery = StrictObject({
  treeSize: Type.Optional(Type.Integer({ minimum: 1, description: "A signed size (default: the newest)" })),
});
export const InclusionProof = Type.Object({
  seq: Type.Integer(),
  leafIndex: Type.Integer(),
  chainHash: Hash,
  leafHash: Hash,
  treeSize: Type.Integer(),
  proof: Type.Array(Hash),
  head: SignedHead,
});

export const WitnessInput = StrictObject({
  head: SignedHead,
  consistency: Type.Optional(
    Type.Object(
      { fromSize: Size, proof: Type.Array(Hash, { maxItems: 128 }) },
      { additionalProperties: false, description: "From the head the witness holds to this one" },
    ),
  ),
});
export const WitnessReply = Type.Object({
  status: StringEnum(["accepted", "unchanged", "proof_needed", "alarm"] as const),
  heldSize: Type.Optional(Type.Integer()),
  kind: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});

export const KeyList = Type.Array(
  Type.Object({
    keyId: Type.String(),
    publicKey: Type.String({ description: "Ed25519 public key, SPKI DER in base64" }),
    firstUsedAt: IsoDateTime,
    current: Type.Boolean({ description: "The key of the newest head: new heads are signed with it" }),
    validFrom: IsoDateTime,
    validUntil: Type.Union([IsoDateTime, Type.Null()], {
      description: "Its last head, once a newer key has signed; null for the current key",
    }),
    firstTreeSize: Type.Integer(),
    lastTreeSize: Type.Integer(),
    heads: Type.Integer({ description: "Heads it has signed" }),
  }),
  {
    description:
      "Every key that has signed a head of this log, oldest first: a head is genuine if signed by a listed key within its validity",
  },
);
export const AlarmList = Type.Array(
  Type.Object({
    id: Uuid,
    origin: Type.String(),
    kind: Type.String(),
    message: Type.String(),
    raisedAt: IsoDateTime,
  }),
);
