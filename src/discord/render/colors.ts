export const COLORS = {
  answer: 0x2b6cb0,
  notFound: 0x718096,
  context: 0x4a5568,
  moderator: 0xb7791f,
  error: 0xc53030,
} as const;
