import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { SectionCard, SmallAddButton } from "../../../shared/ui";

export interface AddableSectionProps {
  title: string;
  /** Whether the reader may add: without the right there is neither button nor dialog. */
  canManage: boolean;
  /** The "+ Add" button beside the heading and the dialog it opens. */
  add: {
    label: string;
    testId: string;
    dialog: (props: { opened: boolean; onClose: () => void }) => ReactNode;
  };
  children: ReactNode;
}

/** A section of a record's page listing lines its manager adds one at a time through a dialog. */
export function AddableSection({ title, canManage, add, children }: AddableSectionProps) {
  const [opened, dialog] = useDisclosure(false);
  return (
    <SectionCard
      title={title}
      actions={
        canManage && (
          <SmallAddButton onClick={dialog.open} testId={add.testId}>
            {add.label}
          </SmallAddButton>
        )
      }
    >
      {children}
      {canManage && add.dialog({ opened, onClose: dialog.close })}
    </SectionCard>
  );
}
