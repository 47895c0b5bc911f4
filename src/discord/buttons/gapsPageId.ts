import { idFamily } from '../idFamily.js';

export const gapsPageId = idFamily<{ page: number }>('gaps-page', 1, {
  encode: ({ page }) => [page],
  decode: ([page, ...rest]) =>
    page !== undefined && /^\d{1,4}$/.test(page) && rest.length === 0 ? { page: Number(page) } : undefined,
});
