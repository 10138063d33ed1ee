/** UI strings, Chinese (the default language). Keys are shared with en.ts; `{name}` marks a parameter. */
export const zh = {
  "site.title": "营商环境评估模拟器",
  "common.illustrative": "示意数据：本站附带的观测值由程序按固定种子生成，用于演示，不是任何地区的真实数据。",
  "common.period": "期间",
  "common.peerGroup": "对标组",
  "common.region": "地区",
  "common.score": "得分",
  "common.rank": "排名",
  "common.category": "类别",
  "common.indicator": "指标",
  "common.leadUnit": "责任单位",
  "common.target": "目标",
  "common.frontier": "前沿值",
  "common.value": "数值",
  "common.missing": "缺失"
} as const;

export type StringKey = keyof typeof zh;
