export const enactmentCases = [];
export const enactmentPageCases = [];
