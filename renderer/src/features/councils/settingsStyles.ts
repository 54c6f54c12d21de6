/** Layout shared by the sections of the council's 設定 tab. */
import { makeStyles } from '@fluentui/react-components';

export const useSettingsStyles = makeStyles({
  cols: {
    display: 'grid',
    gridTemplateColumns: 'minmax(380px, 1fr) minmax(380px, 1fr)',
    gap: '16px',
    alignItems: 'start',
  },
  form: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px' },
  wide: { gridColumn: '1 / -1' },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  fieldRow: { display: 'flex', gap: '6px', alignItems: 'center', padding: '2px 4px', borderRadius: '4px' },
});
