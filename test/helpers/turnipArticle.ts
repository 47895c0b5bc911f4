/** A question the bundled knowledge does not cover, and the article that covers it (gap and Tell me tests). */
export const TURNIP_QUESTION = 'Where was the zeppelin festival for turnips held?';

export const TURNIP_ARTICLE = `---
title: "Turnip zeppelin festival"
outlet: "Field Wire"
published: 2020-09-20
---
The zeppelin festival for turnips was held in Hrodna on Sunday, where farmers sold the autumn harvest in the square.
Thousands of visitors watched the airships drift over the fields while the organisers counted the turnips for the fair.
`;
