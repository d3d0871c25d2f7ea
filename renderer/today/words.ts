import type { AppointmentStatus } from '../../shared/contract/appointments';
import type { TodayStep } from '../../shared/contract/today';

export const stepNames: Record<TodayStep, string> = {
  booking_screening: 'Booking screening',
  arrival_screening: 'Arrival screening',
  consents: 'Consents',
  intake: 'Intake',
  checklist: 'Safety checklist',
  followups: 'Follow-ups',
};

export const statusNames: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Here',
  checked_out: 'Left',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};
