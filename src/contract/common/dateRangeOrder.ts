/**
 * The refinement of a query whose `from` and `to` are Seoul dates ('YYYY-MM-DD', which compare as
 * text): a reversed range is a typo, refused at `from` in the caller's language, not an empty
 * answer. `.refine(dateRangeOrder.check, dateRangeOrder.issue)`.
 */
export const dateRangeOrder = {
  check: (query: { from?: string | undefined; to?: string | undefined }): boolean =>
    !query.from || !query.to || query.from <= query.to,
  issue: {
    message: 'from은 to보다 늦을 수 없습니다',
    params: { messageKey: 'validation.fromAfterTo' },
    path: ['from'],
  },
};
