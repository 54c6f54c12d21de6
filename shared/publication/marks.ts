/** Default texts of the publication settings (each configurable in Council.publication). */
export const CLOSED_SESSION_TEXT = '非公開で審議したため、掲載しません。';
export const INTERNAL_MARK = '内部用';
export const NON_PUBLIC_MARK = '【非公開】';
export const OTHER_FIELD_TITLE = 'その他';
