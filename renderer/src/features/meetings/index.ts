/** 会議: the meetings tab (list, one meeting, the yearly plan) and the meeting status badge. */
export { MeetingsTab } from './MeetingsTab';
export { MeetingStatusBadge, venueLines } from './MeetingStatusBadge';
export { minutesDueFor, minutesOverdue } from './due';
