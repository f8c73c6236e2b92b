import type { FC } from "hono/jsx";

/** A search snippet, its «matched» words shown as <mark>; the text is escaped like any other. */
export const Snippet: FC<{ text: string }> = ({ text }) => (
  <>
    {text
      .split(/(«[^»]*»)/)
      .map((part) => (part.startsWith("«") && part.endsWith("»") ? <mark>{part.slice(1, -1)}</mark> : part))}
  </>
);
