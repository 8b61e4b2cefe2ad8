/**
 * @carebus/calendar: published plans as iCalendar feeds (per stop, bus and locality) with
 * stable UIDs, SEQUENCE and cancellations derived from the publication history.
 */
export type { CalendarPublication, CalendarScenario, CalendarSource } from "./publication.js";
export { expandVisits, patternDays, cycleDays, localMinuteOf, type ExpandedVisit } from "./expandVisits.js";
export { buildFeedEvents, visitUid, type FeedEvent, type FeedEventsOptions } from "./feedEvents.js";
export {
  renderCalendar,
  DEFAULT_REFRESH_SECONDS,
  type CalendarOptions,
  type CalendarLanguage,
} from "./renderCalendar.js";
export { buildStopCalendar, buildBusCalendar, buildLocalityCalendar, normalizeName } from "./buildCalendars.js";
