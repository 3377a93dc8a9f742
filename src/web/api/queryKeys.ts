/** Every TanStack Query key of the web app, so invalidations cannot drift from the queries. */
export const queryKeys = {
  session: ['session'] as const,
  setup: ['setup'] as const,
  guides: ['guides'] as const,
  guide: (id: string) => ['guides', id] as const,
  businessHours: ['business-hours'] as const,
  recentConsultations: ['consultations', 'mine', 'recent'] as const,
};
