/** Day of week (0 = Sunday) and minutes since midnight at one instant in one time zone. */
export interface LocalTime {
  day: number;
  minutes: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building an Intl formatter costs tens of microseconds; with thousands of offers in a handful of zones, one per
// zone and one answer per (instant, zone) keep the window filter cheap. Both caches are keyed by value, so the
// function stays pure.
const formatters = new Map<string, Intl.DateTimeFormat>();
let lastInstant = Number.NaN;
const lastAnswers = new Map<string, LocalTime>();
// Neighbouring candidates usually share a zone; comparing with the previous one is cheaper than a map lookup.
let lastZone = "";
let lastAnswer: LocalTime | undefined;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local weekday and time of `now` in `timeZone` (IANA name). Throws RangeError for an unknown zone. */
export function localTime(now: Date, timeZone: string): LocalTime {
  const instant = now.getTime();
  if (instant !== lastInstant) {
    lastInstant = instant;
    lastAnswers.clear();
    lastAnswer = undefined;
  }
  if (timeZone === lastZone && lastAnswer !== undefined) return lastAnswer;
  const cached = lastAnswers.get(timeZone);
  if (cached !== undefined) {
    lastZone = timeZone;
    lastAnswer = cached;
    return cached;
  }
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(now)) {
    if (part.type === "weekday") day = WEEKDAYS[part.value] ?? 0;
    else if (part.type === "hour") hour = Number(part.value);
    else if (part.type === "minute") minute = Number(part.value);
  }
  const answer = { day, minutes: hour * 60 + minute };
  lastAnswers.set(timeZone, answer);
  lastZone = timeZone;
  lastAnswer = answer;
  return answer;
}

const DIGIT_ZERO = 48;

function digit(text: string, index: number): number {
  const value = text.charCodeAt(index) - DIGIT_ZERO;
  return value >= 0 && value <= 9 ? value : Number.NaN;
}

/**
 * Minutes since midnight of "HH:MM" ("24:00" allowed as an end); NaN when malformed. Parsed by hand, without a
 * regular expression, because every offer window is read for every candidate.
 */
export function parseClock(clock: string): number {
  if (clock.length !== 5 || clock.charCodeAt(2) !== 58) return Number.NaN;
  const hours = digit(clock, 0) * 10 + digit(clock, 1);
  const minutes = digit(clock, 3) * 10 + digit(clock, 4);
  const total = hours * 60 + minutes;
  return minutes < 60 && total <= 24 * 60 ? total : Number.NaN;
}
