/** The draft as the Word export prints it (same model: shared/drafts/document.ts). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { printedDraft, type DraftDoc } from '../../../../shared/drafts';

const useStyles = makeStyles({
  page: {
    backgroundColor: '#fff',
    color: '#000',
    maxWidth: '760px',
    margin: '0 auto',
    padding: '48px 56px',
    boxShadow: tokens.shadow8,
    fontFamily: '"ＭＳ 明朝", "MS Mincho", "Yu Mincho", "Noto Serif CJK JP", serif',
    lineHeight: 1.8,
  },
  gothic: { fontFamily: '"ＭＳ ゴシック", "MS Gothic", "Yu Gothic", "Noto Sans CJK JP", sans-serif', fontWeight: 700 },
  cover: {
    textAlign: 'center',
    padding: '80px 0 60px',
    borderBottom: `1px dashed ${tokens.colorNeutralStroke2}`,
    marginBottom: '24px',
  },
  table: { borderCollapse: 'collapse', width: '100%', margin: '6px 0 10px', fontSize: '13px' },
  cell: { border: '1px solid #000', padding: '3px 6px', verticalAlign: 'top' },
});

export function Preview({ doc }: { doc: DraftDoc }) {
  const s = useStyles();
  const printed = printedDraft(doc);
  const size = [22, 18, 16, 15, 15];
  return (
    <article className={s.page} aria-label="プレビュー">
      <div className={s.cover}>
        <div className={s.gothic} style={{ fontSize: 26 }}>
          {printed.cover.title}
        </div>
        {printed.cover.stage ? (
          <div className={s.gothic} style={{ fontSize: 22, marginTop: 8 }}>
            {printed.cover.stage}
          </div>
        ) : null}
        <div className={s.gothic} style={{ fontSize: 16, marginTop: 60 }}>
          {printed.cover.date}
        </div>
        <div className={s.gothic} style={{ fontSize: 16 }}>
          {printed.cover.issuer}
        </div>
      </div>
      <nav
        aria-label="目次"
        style={{ marginBottom: 24, borderBottom: `1px dashed ${tokens.colorNeutralStroke2}`, paddingBottom: 16 }}
      >
        <div className={s.gothic} style={{ textAlign: 'center', fontSize: 16, marginBottom: 8 }}>
          目次
        </div>
        {printed.toc.map((t, i) => (
          <div key={i} style={{ paddingLeft: t.level * 22 }}>
            {t.text}
          </div>
        ))}
      </nav>
      {printed.body.map((item, i) => {
        if (item.kind === 'heading') {
          const Tag = (['h2', 'h3', 'h4', 'h5', 'h5'] as const)[Math.min(item.level, 4)] ?? 'h5';
          return (
            <Tag
              key={i}
              data-section-id={item.id}
              tabIndex={-1}
              className={s.gothic}
              style={{
                fontSize: size[Math.min(item.level, 4)],
                margin: '14px 0 4px',
                paddingLeft: Math.max(0, item.level - 1) * 14,
              }}
            >
              {item.text}
            </Tag>
          );
        }
        const indent = Math.min(item.level + 1, 4) * 14;
        const b = item.block;
        if (b.type === 'paragraph' && b.box !== undefined)
          return (
            <div
              key={i}
              role="group"
              aria-label={b.box.trim() || '枠'}
              style={{ margin: `4px 0 8px ${indent}px`, border: `1px solid ${tokens.colorNeutralStroke1}` }}
            >
              {b.box.trim() ? (
                <div
                  style={{
                    padding: '2px 8px',
                    fontWeight: 600,
                    backgroundColor: tokens.colorNeutralBackground3,
                    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
                  }}
                >
                  {b.box.trim()}
                </div>
              ) : null}
              {b.text.split('\n').map((line, j) => (
                <p key={j} style={{ margin: '4px 8px' }}>
                  {line}
                </p>
              ))}
            </div>
          );
        if (b.type === 'paragraph')
          return (
            <p key={i} style={{ margin: '0 0 4px', paddingLeft: indent, textIndent: '1em' }}>
              {b.text}
            </p>
          );
        if (b.type === 'bullets')
          return (
            <ul key={i} style={{ margin: '0 0 4px', paddingLeft: indent + 14, listStyle: "'・'" }}>
              {b.items
                .filter((x) => x.trim())
                .map((x, j) => (
                  <li key={j}>{x}</li>
                ))}
            </ul>
          );
        const [head, ...rest] = b.rows;
        return (
          <table key={i} className={s.table}>
            {b.header && head ? (
              <thead>
                <tr>
                  {head.map((c, j) => (
                    <th key={j} className={s.cell} style={{ background: '#d9d9d9' }}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
            ) : null}
            <tbody>
              {(b.header ? rest : b.rows).map((r, j) => (
                <tr key={j}>
                  {r.map((c, k) => (
                    <td key={k} className={s.cell}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </article>
  );
}
