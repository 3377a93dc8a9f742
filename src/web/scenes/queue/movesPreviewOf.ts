import { transferRotationMovedEventSchema } from '../../../contract/events/transferRotationMovedEventSchema.ts';

/**
 * Whether a `transfer.rotation-moved` event's data concerns the preview of this guide's inquiry
 * type: a colleague filing another type moves nobody in this one, so the open form does not read
 * its preview again for it. An event stored before transfers carried their guide (guideId null),
 * or one this build cannot read, counts: reading again is the side that never shows a stale mention.
 */
export function movesPreviewOf(guideId: string, inquiryType: number): (data: unknown) => boolean {
  return (data) => {
    const event = transferRotationMovedEventSchema.safeParse(data);
    if (!event.success) return true;
    return event.data.inquiryType === inquiryType && (event.data.guideId ?? guideId) === guideId;
  };
}
