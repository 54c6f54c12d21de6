/**
 * One side of a character diff, changes underlined and shaded: the drafts' 新旧対照表
 * (features/vision/ComparisonTable.tsx) and the 競合 list (features/sync) show text the same way.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { sides, type DiffOp } from '../../../shared/drafts';

const useStyles = makeStyles({
  changed: {
    textDecoration: 'underline',
    textDecorationThickness: '2px',
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
});

export function DiffMarked({ ops, side }: { ops: readonly DiffOp[]; side: 'old' | 'new' }) {
  const s = useStyles();
  return (
    <>
      {sides(ops)[side].map((p, i) =>
        p.changed ? (
          <span key={i} className={s.changed} data-changed="true">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
