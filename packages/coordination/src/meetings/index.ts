export { addPersonToMeeting, checkMeetingPlan, MEETING_SOURCES, meetingOf, meetingsOf, parseMeetingPlan, planMeeting } from './service';
export type { Meeting, MeetingAttendee, MeetingPerson, MeetingPlan, MeetingSource } from './service';
