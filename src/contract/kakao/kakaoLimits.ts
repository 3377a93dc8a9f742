/**
 * Kakao i Open Builder's limits on a skill response (v2): what a reply may hold so that KakaoTalk
 * renders it. One place, read by the response schema, the reply builder and the guide-load check.
 */
export const kakaoLimits = {
  /** Components (speech bubbles) in `template.outputs`. */
  outputs: 3,
  /** Quick replies under the last bubble. */
  quickReplies: 10,
  /** Characters of a quick reply's or a button's label. */
  labelLength: 14,
  /** Characters of a simpleText's text. */
  textLength: 1000,
  /** Characters of a card's description (basicCard). */
  cardDescriptionLength: 230,
  /** Characters of a textCard's description. */
  textCardDescriptionLength: 400,
  /** Characters of a card's title. */
  cardTitleLength: 50,
  /** Buttons on one card. */
  cardButtons: 3,
} as const;
