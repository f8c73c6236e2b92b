/**
 * The year's outreach on a world map, drawn on the server: an equirectangular projection of a
 * plain graticule and a few stylised continents, with a labelled circle at each visited country's
 * capital. Nothing is downloaded. The same visits stand beside it as a list: the text alternative.
 */
import type { Child } from "hono/jsx";
import type { VisitView } from "../contract.js";

/** Capitals of the governments the directory may name as hosts: [latitude, longitude]. */
export const CAPITALS: Record<string, { city: string; at: [number, number] }> = {
  CN: { city: "Beijing", at: [39.9, 116.4] },
  IL: { city: "Jerusalem", at: [31.78, 35.22] },
  IN: { city: "New Delhi", at: [28.61, 77.21] },
  KZ: { city: "Astana", at: [51.17, 71.43] },
  PK: { city: "Islamabad", at: [33.69, 73.06] },
};

/** Very simplified continents, as [longitude, latitude] outlines: a stylised backdrop, not geography. */
const CONTINENTS: [number, number][][] = [
  // North America
  [
    [-168, 66],
    [-140, 70],
    [-95, 72],
    [-80, 63],
    [-60, 55],
    [-52, 47],
    [-67, 44],
    [-76, 35],
    [-81, 25],
    [-97, 26],
    [-97, 19],
    [-87, 21],
    [-83, 9],
    [-78, 8],
    [-105, 20],
    [-117, 32],
    [-124, 40],
    [-125, 49],
    [-135, 58],
    [-152, 58],
    [-165, 60],
  ],
  // Greenland
  [
    [-73, 78],
    [-20, 82],
    [-20, 70],
    [-43, 60],
    [-55, 65],
  ],
  // South America
  [
    [-80, 9],
    [-60, 10],
    [-50, 0],
    [-35, -7],
    [-40, -22],
    [-58, -38],
    [-68, -55],
    [-75, -50],
    [-72, -30],
    [-70, -18],
    [-81, -5],
  ],
  // Europe
  [
    [-10, 36],
    [-9, 43],
    [-2, 44],
    [-5, 48],
    [3, 51],
    [8, 54],
    [5, 58],
    [10, 63],
    [20, 70],
    [30, 71],
    [40, 67],
    [40, 50],
    [30, 45],
    [28, 41],
    [24, 38],
    [20, 40],
    [15, 38],
    [12, 44],
    [8, 44],
    [3, 43],
    [-1, 37],
  ],
  // Africa
  [
    [-17, 21],
    [-10, 30],
    [-6, 36],
    [10, 37],
    [20, 32],
    [32, 31],
    [34, 28],
    [43, 12],
    [51, 12],
    [40, -2],
    [40, -15],
    [35, -24],
    [27, -34],
    [18, -34],
    [12, -17],
    [9, -1],
    [9, 4],
    [-8, 4],
    [-16, 12],
  ],
  // Asia
  [
    [28, 41],
    [36, 36],
    [35, 31],
    [43, 13],
    [58, 23],
    [66, 25],
    [73, 19],
    [77, 8],
    [80, 15],
    [88, 22],
    [94, 16],
    [98, 8],
    [104, 1],
    [109, 12],
    [106, 21],
    [117, 23],
    [122, 30],
    [122, 40],
    [129, 35],
    [130, 43],
    [140, 48],
    [142, 54],
    [160, 60],
    [180, 65],
    [180, 70],
    [140, 73],
    [100, 78],
    [70, 73],
    [55, 70],
    [40, 67],
    [40, 50],
    [30, 45],
  ],
  // Australia
  [
    [114, -22],
    [122, -18],
    [130, -12],
    [137, -12],
    [142, -11],
    [146, -19],
    [153, -26],
    [150, -37],
    [140, -38],
    [135, -35],
    [129, -32],
    [115, -34],
  ],
];

const W = 720;
const H = 360;
/** Equirectangular: longitude and latitude straight onto x and y. */
export const project = (lat: number, lon: number): [number, number] => [
  Math.round(((lon + 180) / 360) * W * 10) / 10,
  Math.round(((90 - lat) / 180) * H * 10) / 10,
];

export interface MapPlace {
  code: string;
  name: string;
  city: string;
  x: number;
  y: number;
}

/** The visited countries of a list of visits, each once, with where its capital is drawn. */
export function placesOf(visits: readonly VisitView[]): { drawn: MapPlace[]; undrawn: string[] } {
  const drawn: MapPlace[] = [];
  const undrawn: string[] = [];
  const seen = new Set<string>();
  for (const v of visits) {
    if (seen.has(v.host.code)) continue;
    seen.add(v.host.code);
    const cap = CAPITALS[v.host.code];
    if (!cap) {
      undrawn.push(v.host.name);
      continue;
    }
    const [x, y] = project(cap.at[0], cap.at[1]);
    drawn.push({ code: v.host.code, name: v.host.name, city: cap.city, x, y });
  }
  return { drawn, undrawn };
}

export const OutreachMap = ({
  visits,
  year,
}: {
  visits: readonly VisitView[];
  year: number | null;
}): Child => {
  const { drawn, undrawn } = placesOf(visits);
  const when = year ? `in ${year}` : "in every year";
  const names = drawn.map((p) => p.name).join(", ") || "none";
  const lines: Child[] = [];
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project(0, lon);
    lines.push(<line x1={x} y1={0} x2={x} y2={H} />);
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project(lat, 0);
    lines.push(<line x1={0} y1={y} x2={W} y2={y} />);
  }
  return (
    <div class="plenary-outreach-map">
      <figure class="plenary-outreach-map__figure">
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby="outreach-map-title outreach-map-desc"
          width="100%"
          focusable="false"
        >
          <title id="outreach-map-title">Outreach visits {when}: a stylised world map</title>
          <desc id="outreach-map-desc">
            Countries visited, marked at their capitals: {names}. The list beside the map gives every visit.
          </desc>
          <rect x={0} y={0} width={W} height={H} fill="#f3f2f1" />
          <g fill="#dbe4ea" stroke="#b1b4b6" stroke-width="0.8">
            {CONTINENTS.map((outline) => (
              <polygon points={outline.map(([lon, lat]) => project(lat, lon).join(",")).join(" ")} />
            ))}
          </g>
          <g stroke="#b1b4b6" stroke-width="0.5" stroke-dasharray="2 3" fill="none">
            {lines}
          </g>
          <g>
            {drawn.map((p) => {
              // A label goes to the left when another visited capital is close on its right.
              const left = drawn.some(
                (q) => q !== p && q.x > p.x && q.x - p.x < 110 && Math.abs(q.y - p.y) < 40,
              );
              return (
                <g id={`map-${p.code}`}>
                  <circle cx={p.x} cy={p.y} r={7} fill="#1d70b8" stroke="#ffffff" stroke-width="2" />
                  <text
                    x={left ? p.x - 10 : p.x + 10}
                    y={p.y - 8}
                    text-anchor={left ? "end" : "start"}
                    font-size="14"
                    font-weight="bold"
                    fill="#0b0c0c"
                  >
                    {p.name}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
        <figcaption class="govuk-body-s">
          Stylised map: equirectangular projection, simplified continents, each visited country marked at its
          capital.{undrawn.length ? ` Not drawn: ${undrawn.join(", ")}.` : ""}
        </figcaption>
      </figure>
      <div class="plenary-outreach-map__list">
        <h3 class="govuk-heading-s">Countries visited {when}</h3>
        {visits.length ? (
          <ul class="govuk-list govuk-list--bullet" id="outreach-map-list">
            {visits.map((v) => (
              <li>
                <a class="govuk-link" href={`/outreach/${v.id}`}>
                  {v.host.name}
                </a>
                : {v.city}, {v.days}
              </li>
            ))}
          </ul>
        ) : (
          <p class="govuk-body">No visits.</p>
        )}
      </div>
    </div>
  );
};
