export const annexCases = [];
export const annexPageCases = [];
