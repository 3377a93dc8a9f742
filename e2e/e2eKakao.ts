/** The KakaoTalk skill token every e2e server is started with (e2e/startServer.ts). */
export const e2eKakaoSkillToken = 'e2e-kakao-skill-token-000000';
