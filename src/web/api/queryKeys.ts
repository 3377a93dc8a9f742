/** Every TanStack Query key of the web app, so invalidations cannot drift from the queries. */
export const queryKeys = {
  session: ['session'] as const,
  setup: ['setup'] as const,
  guides: ['guides'] as const,
  guide: (id: string) => ['guides', id] as const,
  /** A guide at a given version (a version's document never changes). */
  guideVersion: (id: string, version: string) => ['guides', id, 'version', version] as const,
  /** The versions of a guide kept on the server (the admin's guides tab). */
  guideVersions: (id: string) => ['guides', id, 'versions'] as const,
  /** Every guide's business hours (the prefix to invalidate when a closure changes). */
  businessHours: ['business-hours'] as const,
  /** One guide's support-line hours; no id: the default guide's. */
  businessHoursOf: (guideId?: string) => ['business-hours', guideId ?? null] as const,
  recentConsultations: ['consultations', 'mine', 'recent'] as const,
};
