import { Button, Group } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, RemoveRowCell, TextField } from "../../shared/ui";

/*
 * The parts that the meeting page's sections (agenda, delegations, action items…) share: the remove cell of a
 * row and the row of fields that adds a line by its title.
 */

/** The last cell of a row its editor may remove (after a confirmation); none for a reader. */
export function RemoveCell(props: {
  show: boolean;
  message: string;
  remove: () => Promise<unknown>;
  testId: string;
}) {
  const { t } = useTranslation("meetings");
  return (
    <RemoveRowCell size="compact-xs" {...props}>
      {t("authoring.remove")}
    </RemoveRowCell>
  );
}

export interface AddLineRowProps {
  /** Whether the reader may add; the add's error shows either way. */
  show: boolean;
  add: { isPending: boolean; error: unknown };
  /** The title field, which the row keeps and clears once the line is added. */
  title: { label: string; w: number; testId: string };
  /** The button: it waits for a title and for `ready` (the other fields), then `onAdd` writes the line. */
  submit: { label: string; testId: string; ready: boolean; onAdd: (title: string) => Promise<void> };
  /** The fields after the title. */
  children: ReactNode;
}

/** The row of fields under a section that adds a line with a title, then the add's error if it failed. */
export function AddLineRow({ show, add, title, submit, children }: AddLineRowProps) {
  const [text, setText] = useState("");
  return (
    <>
      {show && (
        <Group mt="sm" align="flex-end">
          <TextField label={title.label} value={text} onValue={setText} w={title.w} testId={title.testId} />
          {children}
          <Button
            disabled={!text.trim() || !submit.ready}
            loading={add.isPending}
            data-testid={submit.testId}
            onClick={async () => {
              await submit.onAdd(text);
              setText("");
            }}
          >
            {submit.label}
          </Button>
        </Group>
      )}
      {add.error ? <ErrorAlert error={add.error} /> : null}
    </>
  );
}
