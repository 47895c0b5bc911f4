import type { KnowledgeInfo } from '../../search/knowledgeInfo.js';

function builtAtText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Footer telling how fresh the knowledge is, and how many outlets back an answer. */
export function freshnessFooter(info: KnowledgeInfo, outlets?: number): string {
  const parts = [
    `${info.documents} documents`,
    `${info.passages} passages`,
    `built ${builtAtText(info.builtAt)}`,
  ];
  if (outlets !== undefined)
    parts.push(outlets === 1 ? 'supported by 1 outlet' : `supported by ${outlets} outlets`);
  return parts.join(' · ');
}
