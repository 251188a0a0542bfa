/** The current instant. Services take one so tests can move time (protection periods, reminders). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
