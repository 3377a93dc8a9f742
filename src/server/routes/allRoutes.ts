import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../appContext.ts';
import { assistRoutes } from './assist/assistRoutes.ts';
import { authRoutes } from './auth/authRoutes.ts';
import { businessHoursRoutes } from './business-hours/businessHoursRoutes.ts';
import { closureRoutes } from './closures/closureRoutes.ts';
import { companyRoutes } from './companies/companyRoutes.ts';
import { consentRoutes } from './consent/consentRoutes.ts';
import { consultationRoutes } from './consultations/consultationRoutes.ts';
import { ctiRoutes } from './cti/ctiRoutes.ts';
import { eventRoutes } from './events/eventRoutes.ts';
import { firstRunRoutes } from './firstRun/firstRunRoutes.ts';
import { guideRoutes } from './guides/guideRoutes.ts';
import { healthRoutes } from './health/healthRoutes.ts';
import { kakaoRoutes } from './kakao/kakaoRoutes.ts';
import { leadRoutes } from './leads/leadRoutes.ts';
import { preferenceRoutes } from './me/preferenceRoutes.ts';
import { privacyRoutes } from './privacy/privacyRoutes.ts';
import { liveFloorRoutes } from './reports/liveFloorRoutes.ts';
import { reportRoutes } from './reports/reportRoutes.ts';
import { transferRoutes } from './transfers/transferRoutes.ts';
import { userRoutes } from './users/userRoutes.ts';

/** A route module: a Fastify plugin that receives the app context. */
export type RouteModule = (app: FastifyInstance, options: { ctx: AppContext }) => Promise<void>;

/** Every route module the app registers, in order. Add new areas here (one line each). */
export const allRoutes: RouteModule[] = [
  healthRoutes,
  authRoutes,
  guideRoutes,
  businessHoursRoutes,
  consultationRoutes,
  closureRoutes,
  userRoutes,
  preferenceRoutes,
  eventRoutes,
  assistRoutes,
  consentRoutes,
  privacyRoutes,
  transferRoutes,
  leadRoutes,
  ctiRoutes,
  kakaoRoutes,
  companyRoutes,
  liveFloorRoutes,
  reportRoutes,
  firstRunRoutes,
];
