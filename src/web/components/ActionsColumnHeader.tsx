import { Table, VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/useT.ts';

/**
 * The header of a table's last column, whose cells hold a row's buttons: nothing on screen (the
 * buttons say what they do), but a name for screen readers, which announce the header with each
 * cell and would otherwise read an empty one.
 */
export function ActionsColumnHeader() {
  const t = useT();
  return (
    <Table.Th>
      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
    </Table.Th>
  );
}
