/** The minutes as the Word file prints them: title, the two-column header table, the numbered body. */
import { PRINT_DOC, usePrintShortcut } from '../../ui/print';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { MinutesModel, MinutesParagraph } from '../../../../shared/minutes/model';

const useStyles = makeStyles({
  page: {
    backgroundColor: '#fff',
    color: '#000',
    padding: '32px 40px',
    maxWidth: '760px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontFamily: '"Yu Mincho", "MS Mincho", "Noto Serif CJK JP", serif',
    lineHeight: 1.7,
    position: 'relative',
  },
  mark: { position: 'absolute', top: '12px', right: '20px', fontWeight: 700, fontFamily: 'sans-serif' },
  title: { textAlign: 'center', fontSize: '20px', fontWeight: 700, fontFamily: 'sans-serif', margin: '0 0 16px' },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  label: {
    width: '20%',
    border: '1px solid #000',
    backgroundColor: '#F2F2F2',
    fontWeight: 700,
    padding: '4px 6px',
    verticalAlign: 'top',
  },
  value: { border: '1px solid #000', padding: '4px 6px', verticalAlign: 'top' },
  heading: { fontFamily: 'sans-serif', fontWeight: 700, fontSize: '15px', margin: '12px 0 4px' },
  p: { margin: 0 },
});

const INDENT: Record<MinutesParagraph['kind'], React.CSSProperties> = {
  text: { paddingLeft: '1em', textIndent: '1em' },
  group: { marginTop: '6px' },
  field: { paddingLeft: '1em' },
  bullet: { paddingLeft: '3em', textIndent: '-1em' },
  answer: { paddingLeft: '4em', textIndent: '-1em' },
  turn: { paddingLeft: '2em', textIndent: '-1em' },
  note: { paddingLeft: '1em' },
};

/** A paragraph as printed; `fieldMark` is the style's mark before a field (■ by default). */
export function PreviewParagraph({ p, fieldMark = '■' }: { p: MinutesParagraph; fieldMark?: string }) {
  const s = useStyles();
  const style = p.kind === 'text' && p.prefix ? { paddingLeft: '2em', textIndent: '-1em' } : INDENT[p.kind];
  if (p.kind === 'field')
    return (
      <p className={s.p} style={style}>
        {fieldMark}
        {p.text}
      </p>
    );
  if (p.kind === 'turn')
    return (
      // A speaker on its own line: the label ends in a line break, kept as printed.
      <p className={s.p} style={p.prefix.endsWith('\n') ? { ...style, whiteSpace: 'pre-wrap' } : style}>
        <b>{p.prefix}</b>
        {p.text}
        {p.suffix}
      </p>
    );
  return (
    <p className={s.p} style={style}>
      {p.prefix}
      {p.text}
      {p.suffix}
    </p>
  );
}

export function MinutesPreview({ model }: { model: MinutesModel }) {
  const s = useStyles();
  usePrintShortcut();
  return (
    <article {...PRINT_DOC} className={s.page} aria-label={`プレビュー：${model.documentTitle}`}>
      {model.pageMark ? <div className={s.mark}>{model.pageMark}</div> : null}
      <h2 className={s.title}>{model.title}</h2>
      <table className={s.table} aria-label="会議録の見出し項目">
        <tbody>
          {model.header.map((h) => (
            <tr key={h.key}>
              <th scope="row" className={s.label}>
                {h.label}
              </th>
              <td className={s.value}>
                {h.key === 'body'
                  ? model.sections.map((sec) => (
                      <section key={sec.key} aria-label={sec.heading}>
                        <h3 className={s.heading}>{sec.heading}</h3>
                        {sec.paragraphs.map((p) => (
                          <PreviewParagraph key={p.key} p={p} fieldMark={model.format.texts.fieldMark} />
                        ))}
                      </section>
                    ))
                  : h.lines.map((l, i) => <div key={i}>{l}</div>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
