export { addPersonToMeeting, checkMeetingPlan, MEETING_SOURCES, meetingOf, meetingsOf, meetingView, parseMeetingPlan, planMeeting } from './service';
export type { Meeting, MeetingAttendee, MeetingPerson, MeetingPersonView, MeetingPlan, MeetingSource, MeetingSummary, MeetingView } from './service';
export { parseMeetingOutcome } from './outcome-input';
export type { MeetingAction, MeetingOutcome } from './outcome-input';
export { MDT_MEETING_TAG_SYSTEM, outcomeBundle } from './outcome-bundle';
export { markMeetingHeld, recordMeetingOutcome } from './outcome';
export { meetingSuggestions, SUGGESTION_RULES } from './suggestions';
export type { MeetingSuggestion, MeetingSuggestions, SuggestionSource } from './suggestions';
