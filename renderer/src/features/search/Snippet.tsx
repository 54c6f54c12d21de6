/** A snippet of original text with the matched ranges marked. */
import type { Snippet } from '../../../../shared/search/types';

export function SnippetText({ snippet }: { snippet: Snippet | null }) {
  if (!snippet) return null;
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.highlights.forEach(([s, e], i) => {
    if (s > at) parts.push(snippet.text.slice(at, s));
    parts.push(<mark key={i}>{snippet.text.slice(s, e)}</mark>);
    at = e;
  });
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <>
      {snippet.cutStart ? '…' : ''}
      {parts}
      {snippet.cutEnd ? '…' : ''}
    </>
  );
}
