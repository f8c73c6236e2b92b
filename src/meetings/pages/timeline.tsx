/**
 * The year as a picture: an SVG drawn on the server. Meetings are bars on their own rows, days
 * without sessions are shaded, deadlines are marks on their meeting's row, and a line shows today.
 * Pure: it takes plain data and returns JSX, so it prints and tests without a browser.
 */
import type { FC } from "hono/jsx";
import { type MeetingKind, PROFILE } from "../profile.js";
import { daysBetween, rangeText } from "../zones.js";

export interface TimelineMeeting {
  id: number;
  kind: MeetingKind;
  title: string;
  firstDay: string;
  lastDay: string;
  daysWithoutSessions: string[];
  status: string;
}

export interface TimelineDeadline {
  meetingId: number;
  /** The day it falls due in the anchor meeting's time zone. */
  day: string;
  label: string;
}

export const KIND_COLOURS: Record<MeetingKind, string> = {
  poc: "#5b6b7f",
  rpoc: "#34495e",
  plenary: "#0b4f8a",
  tem: "#1e7f5c",
  ie: "#8a5a0b",
  leem: "#7a2f8a",
  twg: "#3f7f1e",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LABEL = 230;
const WIDTH = 1100;
const ROW = 26;
const TOP = 34;

export const Timeline: FC<{
  year: number;
  meetings: TimelineMeeting[];
  deadlines: TimelineDeadline[];
  today: string;
}> = ({ year, meetings, deadlines, today }) => {
  const start = `${year}-01-01`;
  const days = daysBetween(start, `${year + 1}-01-01`);
  const scale = (WIDTH - LABEL - 10) / days;
  const x = (day: string) => LABEL + Math.max(0, Math.min(days, daysBetween(start, day))) * scale;
  const height = TOP + Math.max(1, meetings.length) * ROW + 20;
  const inYear = (d: string) => d.startsWith(String(year));
  return (
    <svg
      class="timeline"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="timeline-title"
      font-family="system-ui, sans-serif"
      font-size="12"
    >
      <title id="timeline-title">
        Meetings and deadlines of {year}: {meetings.length} meetings, {deadlines.length} deadlines
      </title>
      {MONTHS.map((m, i) => {
        const day = `${year}-${String(i + 1).padStart(2, "0")}-01`;
        return (
          <g>
            <line x1={x(day)} x2={x(day)} y1={TOP - 8} y2={height - 10} stroke="#c9d1dc" stroke-width="1" />
            <text x={x(day) + 3} y={TOP - 14} fill="#4a5260">
              {m}
            </text>
          </g>
        );
      })}
      {meetings.map((m, i) => {
        const y = TOP + i * ROW;
        const from = x(m.firstDay);
        const to = x(
          `${m.lastDay.slice(0, 4)}` === String(year + 1) ? `${year + 1}-01-01` : nextDay(m.lastDay),
        );
        const colour = KIND_COLOURS[m.kind];
        const cancelled = m.status === "cancelled";
        return (
          <g class="meeting" data-meeting={String(m.id)}>
            <text x={4} y={y + 15} fill="#1b1f24">
              {m.title.length > 34 ? `${m.title.slice(0, 33)}…` : m.title}
            </text>
            <rect
              class="bar"
              x={from}
              y={y + 4}
              width={Math.max(3, to - from)}
              height={ROW - 8}
              fill={cancelled ? "#ffffff" : colour}
              stroke={colour}
              stroke-dasharray={cancelled ? "4 2" : undefined}
            >
              <title>
                {m.title}: {rangeText(m.firstDay, m.lastDay)} ({PROFILE.kinds[m.kind].label},{" "}
                {m.status.replace("_", " ")})
              </title>
            </rect>
            {m.daysWithoutSessions.filter(inYear).map((d) => (
              <rect
                class="no-session"
                x={x(d)}
                y={y + 4}
                width={Math.max(2, scale)}
                height={ROW - 8}
                fill="#ffffff"
                fill-opacity="0.65"
              >
                <title>No formal sessions on {d}</title>
              </rect>
            ))}
            {deadlines
              .filter((d) => d.meetingId === m.id && inYear(d.day))
              .map((d) => {
                const dx = x(d.day);
                return (
                  <path class="deadline" d={`M ${dx} ${y + 3} l 5 9 l -5 9 l -5 -9 z`} fill="#8a1c0b">
                    <title>
                      {d.label}: due {d.day}
                    </title>
                  </path>
                );
              })}
          </g>
        );
      })}
      {inYear(today) ? (
        <g class="today">
          <line x1={x(today)} x2={x(today)} y1={TOP - 8} y2={height - 10} stroke="#d00000" stroke-width="2" />
          <text x={x(today) + 3} y={height - 12} fill="#d00000">
            today {today}
          </text>
        </g>
      ) : null}
    </svg>
  );
};

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
