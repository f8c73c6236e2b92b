/**
 * The matrix as a heat map, drawn on the server as SVG: one square per Partner and set, each
 * status a fill of its own lightness and a letter (E, P, N/A, –), so it reads in grey print; the
 * table below it is its text alternative, and its title and description say what it shows.
 */
import { STATUS_FILLS } from "../export.js";
import { type Matrix, STATUS_LABELS, STATUS_MARKS } from "../matrix.js";

const CELL = 26;
const LABEL = 170;
const HEAD = 34;
const hex = (argb: string) => `#${argb.slice(2)}`;

export const Heatmap = ({ m }: { m: Matrix }) => {
  const width = LABEL + Math.max(1, m.sets.length) * (CELL + 4) + 60;
  const height = HEAD + m.rows.length * (CELL + 2) + 8;
  const complete = m.totals.reduce((a, t) => a + t.complete, 0);
  const expected = m.totals.reduce((a, t) => a + t.expected, 0);
  return (
    <svg
      class="heatmap"
      role="img"
      aria-labelledby="heatmap-title heatmap-desc"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="heatmap-title">Enactment by Partner and amendment set</title>
      <desc id="heatmap-desc">
        {`${m.rows.length} Partners by ${m.sets.length} amendment sets; ${complete} of ${expected} cells enacted or not applicable. The table below gives every cell in words.`}
      </desc>
      {m.sets.map((s, i) => (
        <text x={LABEL + i * (CELL + 4) + CELL / 2} y={HEAD - 10} text-anchor="middle" font-size="11">
          {s.title.length > 12 ? `${s.title.slice(0, 11)}…` : s.title}
        </text>
      ))}
      {m.rows.map((r, j) => {
        const y = HEAD + j * (CELL + 2);
        return (
          <g>
            <text x={LABEL - 8} y={y + CELL / 2 + 4} text-anchor="end" font-size="12">
              {r.name}
            </text>
            {r.cells.map((c, i) => {
              const x = LABEL + i * (CELL + 4);
              if (!c)
                return (
                  <rect
                    x={x}
                    y={y}
                    width={CELL}
                    height={CELL}
                    fill="none"
                    stroke="#b1b4b6"
                    stroke-dasharray="2 2"
                  />
                );
              const fill = hex(STATUS_FILLS[c.status]);
              return (
                <g>
                  <rect
                    x={x}
                    y={y}
                    width={CELL}
                    height={CELL}
                    fill={fill}
                    stroke={c.overdue ? "#0b0c0c" : "#505a5f"}
                    stroke-width={c.overdue ? 3 : 1}
                  >
                    <title>{`${r.name}, ${m.sets[i]?.title}: ${STATUS_LABELS[c.status]}${c.overdue ? " (overdue)" : ""}${c.late ? " (reported late)" : ""}`}</title>
                  </rect>
                  <text
                    x={x + CELL / 2}
                    y={y + CELL / 2 + 4}
                    text-anchor="middle"
                    font-size={STATUS_MARKS[c.status].length > 1 ? 8 : 12}
                    font-weight="700"
                    fill={c.status === "enacted" ? "#ffffff" : "#0b0c0c"}
                  >
                    {STATUS_MARKS[c.status]}
                  </text>
                </g>
              );
            })}
            <text x={LABEL + m.sets.length * (CELL + 4) + 6} y={y + CELL / 2 + 4} font-size="11">
              {r.expected ? `${r.complete}/${r.expected}` : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
