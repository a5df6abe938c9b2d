import { describe, expect, it } from "vitest";
import { newCluster, newContext, newRequest } from "../builders.js";
import type { OfferWindow } from "../types.js";
import { offerWindow, windowIsOpen } from "./offer-window.js";

// Wednesday 25 November 2026, 12:00 UTC = 13:00 in Berlin = 07:00 in New York.
const WEDNESDAY_NOON_UTC = new Date("2026-11-25T12:00:00Z");
const WEEKDAYS = [1, 2, 3, 4, 5];

describe("Offer time windows", () => {
  it.each<{ name: string; window: OfferWindow; at?: string; open: boolean }>([
    {
      name: "a weekday daytime window is open at noon UTC",
      window: { days: WEEKDAYS, start: "08:00", end: "18:00" },
      open: true,
    },
    {
      name: "a weekend window is closed on Wednesday",
      window: { days: [0, 6], start: "00:00", end: "24:00" },
      open: false,
    },
    { name: "the end minute is excluded", window: { days: [3], start: "08:00", end: "12:00" }, open: false },
    { name: "the start minute is included", window: { days: [3], start: "12:00", end: "13:00" }, open: true },
    {
      name: "the window is read in its own time zone (13:00 in Berlin)",
      window: { days: [3], start: "12:30", end: "13:30", timeZone: "Europe/Berlin" },
      open: true,
    },
    {
      name: "it is still morning in New York",
      window: { days: [3], start: "09:00", end: "17:00", timeZone: "America/New_York" },
      open: false,
    },
    {
      name: "a night window starting Tuesday 22:00 covers Wednesday 03:00",
      window: { days: [2], start: "22:00", end: "06:00" },
      at: "2026-11-25T03:00:00Z",
      open: true,
    },
    {
      name: "a night window starting Wednesday 22:00 does not cover Wednesday 03:00",
      window: { days: [3], start: "22:00", end: "06:00" },
      at: "2026-11-25T03:00:00Z",
      open: false,
    },
    {
      name: "equal start and end is a whole day",
      window: { days: [3], start: "00:00", end: "00:00" },
      open: true,
    },
    {
      name: "a malformed clock never opens",
      window: { days: [3], start: "8:00", end: "18:00" },
      open: false,
    },
  ])("$name", ({ window, at, open }) => {
    expect(windowIsOpen(window, at === undefined ? WEDNESDAY_NOON_UTC : new Date(at))).toBe(open);
  });
});

describe("Filter: offer window", () => {
  const closed: OfferWindow = { days: [0, 6], start: "00:00", end: "24:00" };
  const open: OfferWindow = { days: [3], start: "00:00", end: "24:00" };
  const context = newContext({ now: WEDNESDAY_NOON_UTC });

  it.each([
    { name: "an offer without windows is always open", windows: [], ok: true },
    { name: "an offer whose windows are all closed rejects", windows: [closed], ok: false },
    { name: "one open window is enough", windows: [closed, open], ok: true },
    {
      name: "an unknown time zone rejects instead of throwing",
      windows: [{ ...open, timeZone: "Mars/Olympus_Mons" }],
      ok: false,
    },
  ])("$name", ({ windows, ok }) => {
    const cluster = newCluster("c1").withOffer({ windows }).build();
    expect(offerWindow(cluster, newRequest(), context).ok).toBe(ok);
  });

  it("does not bind the owner to its own offer's windows", () => {
    const cluster = newCluster("c1")
      .withCooperative("coop-requester")
      .withOffer({ windows: [closed] })
      .build();
    expect(offerWindow(cluster, newRequest(), context).ok).toBe(true);
  });
});
