import { Anchor, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, RowActionButton } from "../../shared/ui";
import { type InclusionProof, useInclusionProof } from "./api";

const bytes = (hex: string) =>
  new Uint8Array((hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));
const toHex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

async function sha256(prefix: number, ...parts: Uint8Array[]) {
  const data = new Uint8Array(1 + parts.reduce((n, part) => n + part.length, 0));
  data[0] = prefix;
  let at = 1;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

/**
 * RFC 9162 §2.1.3.2, in the browser: does the proof lead from the entry's chain hash to the head's root? (The head's
 * signature is checked offline: `accord audit verify-proof` or scripts/verify-proof.mjs on the downloaded file.)
 */
export async function inclusionHolds(p: InclusionProof): Promise<boolean> {
  const leaf = await sha256(0, bytes(p.chainHash));
  if (toHex(leaf.buffer as ArrayBuffer) !== p.leafHash || p.leafIndex >= p.treeSize) return false;
  let fn = p.leafIndex;
  let sn = p.treeSize - 1;
  let r = leaf;
  for (const hash of p.proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(1, bytes(hash), r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await sha256(1, r, bytes(hash));
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && p.treeSize === p.head.treeSize && toHex(r.buffer as ArrayBuffer) === p.head.rootHash;
}

/** One audit entry's place in the transparency log: checked on demand, with the proof to download. */
export function LogProof({ seq }: { seq: number }) {
  const { t } = useTranslation("audit");
  const proof = useInclusionProof();
  const [holds, setHolds] = useState<boolean | null>(null);
  useEffect(() => {
    if (proof.data)
      inclusionHolds(proof.data)
        .then(setHolds)
        .catch(() => setHolds(false));
  }, [proof.data]);
  if (!proof.data || holds === null)
    return (
      <RowActionButton
        variant="light"
        loading={proof.isPending || (!!proof.data && holds === null)}
        onClick={() => proof.mutate(seq, { onError: (error) => notifyError(error, t) })}
        testId={`audit-log-check-${seq}`}
      >
        {t("checkLog")}
      </RowActionButton>
    );
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(proof.data, null, 2))}`;
  return (
    <Stack gap={2} data-testid={`audit-log-${seq}`}>
      <Text size="xs" c={holds ? "green" : "red"}>
        {t(holds ? "inLog" : "notInLog", { size: proof.data.treeSize })}
      </Text>
      <Anchor
        size="xs"
        href={href}
        download={`audit-entry-${seq}-proof.json`}
        data-testid={`audit-log-download-${seq}`}
      >
        <IconDownload size={12} /> {t("downloadProof")}
      </Anchor>
    </Stack>
  );
}
