// The part of marked 4.3.0 (it ships no types of its own) that the guides use.
declare module 'marked' {
  export interface MarkedToken {
    type: string;
    /** For `code` tokens: the fence's language. */
    lang?: string;
    /** For `code` tokens: the code, without the fence. */
    text: string;
    raw: string;
  }
  export function lexer(source: string): MarkedToken[];
  export function parse(source: string): string;
  export function parseInline(source: string): string;
}
