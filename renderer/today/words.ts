import { defineMessages } from 'react-intl';
import type { AppointmentStatus } from '../../shared/contract/appointments';
import type { TodayStep } from '../../shared/contract/today';

/** The sheet's column and status names, through react-intl (French in ./fr.ts). */
export const stepNames = defineMessages<TodayStep>({
  booking_screening: { id: 'today.step.bookingScreening', defaultMessage: 'Booking screening' },
  arrival_screening: { id: 'today.step.arrivalScreening', defaultMessage: 'Arrival screening' },
  consents: { id: 'today.step.consents', defaultMessage: 'Consents' },
  intake: { id: 'today.step.intake', defaultMessage: 'Intake' },
  checklist: { id: 'today.step.checklist', defaultMessage: 'Safety checklist' },
  followups: { id: 'today.step.followups', defaultMessage: 'Follow-ups' },
});

export const statusNames = defineMessages<AppointmentStatus>({
  booked: { id: 'today.status.booked', defaultMessage: 'Booked' },
  checked_in: { id: 'today.status.checkedIn', defaultMessage: 'Here' },
  checked_out: { id: 'today.status.checkedOut', defaultMessage: 'Left' },
  cancelled: { id: 'today.status.cancelled', defaultMessage: 'Cancelled' },
  no_show: { id: 'today.status.noShow', defaultMessage: 'No-show' },
});
