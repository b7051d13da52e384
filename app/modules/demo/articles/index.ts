import { BANYUMAS_1 } from "./banyumas-1";
import { BANYUMAS_2 } from "./banyumas-2";
import { OTHER_ARTICLES } from "./others";
import type { ArticleInnovation } from "./types";

export type { ArticleInnovation };

/** Every hand-written innovation, sources before their replications. */
export const ARTICLE_INNOVATIONS: ArticleInnovation[] = [...BANYUMAS_1, ...BANYUMAS_2, ...OTHER_ARTICLES];
