// Generated-looking long file, like an SDK's index.d.ts

/** Entity number 0. */
export interface Entity0 {
  /** Identifier of entity 0. @minLength 1 */
  id: string;
  parent?: Entity0 | null;
  tags: string[];
  kind: "k0" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 1. */
export interface Entity1 {
  /** Identifier of entity 1. @minLength 1 */
  id: string;
  parent?: Entity0 | null;
  tags: string[];
  kind: "k1" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 2. */
export interface Entity2 {
  /** Identifier of entity 2. @minLength 1 */
  id: string;
  parent?: Entity1 | null;
  tags: string[];
  kind: "k2" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 3. */
export interface Entity3 {
  /** Identifier of entity 3. @minLength 1 */
  id: string;
  parent?: Entity2 | null;
  tags: string[];
  kind: "k3" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 4. */
export interface Entity4 {
  /** Identifier of entity 4. @minLength 1 */
  id: string;
  parent?: Entity3 | null;
  tags: string[];
  kind: "k4" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 5. */
export interface Entity5 {
  /** Identifier of entity 5. @minLength 1 */
  id: string;
  parent?: Entity4 | null;
  tags: string[];
  kind: "k5" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 6. */
export interface Entity6 {
  /** Identifier of entity 6. @minLength 1 */
  id: string;
  parent?: Entity5 | null;
  tags: string[];
  kind: "k6" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 7. */
export interface Entity7 {
  /** Identifier of entity 7. @minLength 1 */
  id: string;
  parent?: Entity6 | null;
  tags: string[];
  kind: "k7" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 8. */
export interface Entity8 {
  /** Identifier of entity 8. @minLength 1 */
  id: string;
  parent?: Entity7 | null;
  tags: string[];
  kind: "k8" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 9. */
export interface Entity9 {
  /** Identifier of entity 9. @minLength 1 */
  id: string;
  parent?: Entity8 | null;
  tags: string[];
  kind: "k9" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 10. */
export interface Entity10 {
  /** Identifier of entity 10. @minLength 1 */
  id: string;
  parent?: Entity9 | null;
  tags: string[];
  kind: "k10" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 11. */
export interface Entity11 {
  /** Identifier of entity 11. @minLength 1 */
  id: string;
  parent?: Entity10 | null;
  tags: string[];
  kind: "k11" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 12. */
export interface Entity12 {
  /** Identifier of entity 12. @minLength 1 */
  id: string;
  parent?: Entity11 | null;
  tags: string[];
  kind: "k12" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 13. */
export interface Entity13 {
  /** Identifier of entity 13. @minLength 1 */
  id: string;
  parent?: Entity12 | null;
  tags: string[];
  kind: "k13" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 14. */
export interface Entity14 {
  /** Identifier of entity 14. @minLength 1 */
  id: string;
  parent?: Entity13 | null;
  tags: string[];
  kind: "k14" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 15. */
export interface Entity15 {
  /** Identifier of entity 15. @minLength 1 */
  id: string;
  parent?: Entity14 | null;
  tags: string[];
  kind: "k15" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 16. */
export interface Entity16 {
  /** Identifier of entity 16. @minLength 1 */
  id: string;
  parent?: Entity15 | null;
  tags: string[];
  kind: "k16" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 17. */
export interface Entity17 {
  /** Identifier of entity 17. @minLength 1 */
  id: string;
  parent?: Entity16 | null;
  tags: string[];
  kind: "k17" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 18. */
export interface Entity18 {
  /** Identifier of entity 18. @minLength 1 */
  id: string;
  parent?: Entity17 | null;
  tags: string[];
  kind: "k18" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 19. */
export interface Entity19 {
  /** Identifier of entity 19. @minLength 1 */
  id: string;
  parent?: Entity18 | null;
  tags: string[];
  kind: "k19" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 20. */
export interface Entity20 {
  /** Identifier of entity 20. @minLength 1 */
  id: string;
  parent?: Entity19 | null;
  tags: string[];
  kind: "k20" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 21. */
export interface Entity21 {
  /** Identifier of entity 21. @minLength 1 */
  id: string;
  parent?: Entity20 | null;
  tags: string[];
  kind: "k21" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 22. */
export interface Entity22 {
  /** Identifier of entity 22. @minLength 1 */
  id: string;
  parent?: Entity21 | null;
  tags: string[];
  kind: "k22" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 23. */
export interface Entity23 {
  /** Identifier of entity 23. @minLength 1 */
  id: string;
  parent?: Entity22 | null;
  tags: string[];
  kind: "k23" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 24. */
export interface Entity24 {
  /** Identifier of entity 24. @minLength 1 */
  id: string;
  parent?: Entity23 | null;
  tags: string[];
  kind: "k24" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 25. */
export interface Entity25 {
  /** Identifier of entity 25. @minLength 1 */
  id: string;
  parent?: Entity24 | null;
  tags: string[];
  kind: "k25" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 26. */
export interface Entity26 {
  /** Identifier of entity 26. @minLength 1 */
  id: string;
  parent?: Entity25 | null;
  tags: string[];
  kind: "k26" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 27. */
export interface Entity27 {
  /** Identifier of entity 27. @minLength 1 */
  id: string;
  parent?: Entity26 | null;
  tags: string[];
  kind: "k27" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 28. */
export interface Entity28 {
  /** Identifier of entity 28. @minLength 1 */
  id: string;
  parent?: Entity27 | null;
  tags: string[];
  kind: "k28" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 29. */
export interface Entity29 {
  /** Identifier of entity 29. @minLength 1 */
  id: string;
  parent?: Entity28 | null;
  tags: string[];
  kind: "k29" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 30. */
export interface Entity30 {
  /** Identifier of entity 30. @minLength 1 */
  id: string;
  parent?: Entity29 | null;
  tags: string[];
  kind: "k30" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 31. */
export interface Entity31 {
  /** Identifier of entity 31. @minLength 1 */
  id: string;
  parent?: Entity30 | null;
  tags: string[];
  kind: "k31" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 32. */
export interface Entity32 {
  /** Identifier of entity 32. @minLength 1 */
  id: string;
  parent?: Entity31 | null;
  tags: string[];
  kind: "k32" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 33. */
export interface Entity33 {
  /** Identifier of entity 33. @minLength 1 */
  id: string;
  parent?: Entity32 | null;
  tags: string[];
  kind: "k33" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 34. */
export interface Entity34 {
  /** Identifier of entity 34. @minLength 1 */
  id: string;
  parent?: Entity33 | null;
  tags: string[];
  kind: "k34" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 35. */
export interface Entity35 {
  /** Identifier of entity 35. @minLength 1 */
  id: string;
  parent?: Entity34 | null;
  tags: string[];
  kind: "k35" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 36. */
export interface Entity36 {
  /** Identifier of entity 36. @minLength 1 */
  id: string;
  parent?: Entity35 | null;
  tags: string[];
  kind: "k36" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 37. */
export interface Entity37 {
  /** Identifier of entity 37. @minLength 1 */
  id: string;
  parent?: Entity36 | null;
  tags: string[];
  kind: "k37" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 38. */
export interface Entity38 {
  /** Identifier of entity 38. @minLength 1 */
  id: string;
  parent?: Entity37 | null;
  tags: string[];
  kind: "k38" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 39. */
export interface Entity39 {
  /** Identifier of entity 39. @minLength 1 */
  id: string;
  parent?: Entity38 | null;
  tags: string[];
  kind: "k39" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 40. */
export interface Entity40 {
  /** Identifier of entity 40. @minLength 1 */
  id: string;
  parent?: Entity39 | null;
  tags: string[];
  kind: "k40" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 41. */
export interface Entity41 {
  /** Identifier of entity 41. @minLength 1 */
  id: string;
  parent?: Entity40 | null;
  tags: string[];
  kind: "k41" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 42. */
export interface Entity42 {
  /** Identifier of entity 42. @minLength 1 */
  id: string;
  parent?: Entity41 | null;
  tags: string[];
  kind: "k42" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 43. */
export interface Entity43 {
  /** Identifier of entity 43. @minLength 1 */
  id: string;
  parent?: Entity42 | null;
  tags: string[];
  kind: "k43" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 44. */
export interface Entity44 {
  /** Identifier of entity 44. @minLength 1 */
  id: string;
  parent?: Entity43 | null;
  tags: string[];
  kind: "k44" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 45. */
export interface Entity45 {
  /** Identifier of entity 45. @minLength 1 */
  id: string;
  parent?: Entity44 | null;
  tags: string[];
  kind: "k45" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 46. */
export interface Entity46 {
  /** Identifier of entity 46. @minLength 1 */
  id: string;
  parent?: Entity45 | null;
  tags: string[];
  kind: "k46" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 47. */
export interface Entity47 {
  /** Identifier of entity 47. @minLength 1 */
  id: string;
  parent?: Entity46 | null;
  tags: string[];
  kind: "k47" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 48. */
export interface Entity48 {
  /** Identifier of entity 48. @minLength 1 */
  id: string;
  parent?: Entity47 | null;
  tags: string[];
  kind: "k48" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 49. */
export interface Entity49 {
  /** Identifier of entity 49. @minLength 1 */
  id: string;
  parent?: Entity48 | null;
  tags: string[];
  kind: "k49" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 50. */
export interface Entity50 {
  /** Identifier of entity 50. @minLength 1 */
  id: string;
  parent?: Entity49 | null;
  tags: string[];
  kind: "k50" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 51. */
export interface Entity51 {
  /** Identifier of entity 51. @minLength 1 */
  id: string;
  parent?: Entity50 | null;
  tags: string[];
  kind: "k51" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 52. */
export interface Entity52 {
  /** Identifier of entity 52. @minLength 1 */
  id: string;
  parent?: Entity51 | null;
  tags: string[];
  kind: "k52" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 53. */
export interface Entity53 {
  /** Identifier of entity 53. @minLength 1 */
  id: string;
  parent?: Entity52 | null;
  tags: string[];
  kind: "k53" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 54. */
export interface Entity54 {
  /** Identifier of entity 54. @minLength 1 */
  id: string;
  parent?: Entity53 | null;
  tags: string[];
  kind: "k54" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 55. */
export interface Entity55 {
  /** Identifier of entity 55. @minLength 1 */
  id: string;
  parent?: Entity54 | null;
  tags: string[];
  kind: "k55" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 56. */
export interface Entity56 {
  /** Identifier of entity 56. @minLength 1 */
  id: string;
  parent?: Entity55 | null;
  tags: string[];
  kind: "k56" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 57. */
export interface Entity57 {
  /** Identifier of entity 57. @minLength 1 */
  id: string;
  parent?: Entity56 | null;
  tags: string[];
  kind: "k57" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 58. */
export interface Entity58 {
  /** Identifier of entity 58. @minLength 1 */
  id: string;
  parent?: Entity57 | null;
  tags: string[];
  kind: "k58" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 59. */
export interface Entity59 {
  /** Identifier of entity 59. @minLength 1 */
  id: string;
  parent?: Entity58 | null;
  tags: string[];
  kind: "k59" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 60. */
export interface Entity60 {
  /** Identifier of entity 60. @minLength 1 */
  id: string;
  parent?: Entity59 | null;
  tags: string[];
  kind: "k60" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 61. */
export interface Entity61 {
  /** Identifier of entity 61. @minLength 1 */
  id: string;
  parent?: Entity60 | null;
  tags: string[];
  kind: "k61" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 62. */
export interface Entity62 {
  /** Identifier of entity 62. @minLength 1 */
  id: string;
  parent?: Entity61 | null;
  tags: string[];
  kind: "k62" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 63. */
export interface Entity63 {
  /** Identifier of entity 63. @minLength 1 */
  id: string;
  parent?: Entity62 | null;
  tags: string[];
  kind: "k63" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 64. */
export interface Entity64 {
  /** Identifier of entity 64. @minLength 1 */
  id: string;
  parent?: Entity63 | null;
  tags: string[];
  kind: "k64" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 65. */
export interface Entity65 {
  /** Identifier of entity 65. @minLength 1 */
  id: string;
  parent?: Entity64 | null;
  tags: string[];
  kind: "k65" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 66. */
export interface Entity66 {
  /** Identifier of entity 66. @minLength 1 */
  id: string;
  parent?: Entity65 | null;
  tags: string[];
  kind: "k66" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 67. */
export interface Entity67 {
  /** Identifier of entity 67. @minLength 1 */
  id: string;
  parent?: Entity66 | null;
  tags: string[];
  kind: "k67" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 68. */
export interface Entity68 {
  /** Identifier of entity 68. @minLength 1 */
  id: string;
  parent?: Entity67 | null;
  tags: string[];
  kind: "k68" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 69. */
export interface Entity69 {
  /** Identifier of entity 69. @minLength 1 */
  id: string;
  parent?: Entity68 | null;
  tags: string[];
  kind: "k69" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 70. */
export interface Entity70 {
  /** Identifier of entity 70. @minLength 1 */
  id: string;
  parent?: Entity69 | null;
  tags: string[];
  kind: "k70" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 71. */
export interface Entity71 {
  /** Identifier of entity 71. @minLength 1 */
  id: string;
  parent?: Entity70 | null;
  tags: string[];
  kind: "k71" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 72. */
export interface Entity72 {
  /** Identifier of entity 72. @minLength 1 */
  id: string;
  parent?: Entity71 | null;
  tags: string[];
  kind: "k72" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 73. */
export interface Entity73 {
  /** Identifier of entity 73. @minLength 1 */
  id: string;
  parent?: Entity72 | null;
  tags: string[];
  kind: "k73" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 74. */
export interface Entity74 {
  /** Identifier of entity 74. @minLength 1 */
  id: string;
  parent?: Entity73 | null;
  tags: string[];
  kind: "k74" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 75. */
export interface Entity75 {
  /** Identifier of entity 75. @minLength 1 */
  id: string;
  parent?: Entity74 | null;
  tags: string[];
  kind: "k75" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 76. */
export interface Entity76 {
  /** Identifier of entity 76. @minLength 1 */
  id: string;
  parent?: Entity75 | null;
  tags: string[];
  kind: "k76" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 77. */
export interface Entity77 {
  /** Identifier of entity 77. @minLength 1 */
  id: string;
  parent?: Entity76 | null;
  tags: string[];
  kind: "k77" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 78. */
export interface Entity78 {
  /** Identifier of entity 78. @minLength 1 */
  id: string;
  parent?: Entity77 | null;
  tags: string[];
  kind: "k78" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 79. */
export interface Entity79 {
  /** Identifier of entity 79. @minLength 1 */
  id: string;
  parent?: Entity78 | null;
  tags: string[];
  kind: "k79" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 80. */
export interface Entity80 {
  /** Identifier of entity 80. @minLength 1 */
  id: string;
  parent?: Entity79 | null;
  tags: string[];
  kind: "k80" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 81. */
export interface Entity81 {
  /** Identifier of entity 81. @minLength 1 */
  id: string;
  parent?: Entity80 | null;
  tags: string[];
  kind: "k81" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 82. */
export interface Entity82 {
  /** Identifier of entity 82. @minLength 1 */
  id: string;
  parent?: Entity81 | null;
  tags: string[];
  kind: "k82" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 83. */
export interface Entity83 {
  /** Identifier of entity 83. @minLength 1 */
  id: string;
  parent?: Entity82 | null;
  tags: string[];
  kind: "k83" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 84. */
export interface Entity84 {
  /** Identifier of entity 84. @minLength 1 */
  id: string;
  parent?: Entity83 | null;
  tags: string[];
  kind: "k84" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 85. */
export interface Entity85 {
  /** Identifier of entity 85. @minLength 1 */
  id: string;
  parent?: Entity84 | null;
  tags: string[];
  kind: "k85" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 86. */
export interface Entity86 {
  /** Identifier of entity 86. @minLength 1 */
  id: string;
  parent?: Entity85 | null;
  tags: string[];
  kind: "k86" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 87. */
export interface Entity87 {
  /** Identifier of entity 87. @minLength 1 */
  id: string;
  parent?: Entity86 | null;
  tags: string[];
  kind: "k87" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 88. */
export interface Entity88 {
  /** Identifier of entity 88. @minLength 1 */
  id: string;
  parent?: Entity87 | null;
  tags: string[];
  kind: "k88" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 89. */
export interface Entity89 {
  /** Identifier of entity 89. @minLength 1 */
  id: string;
  parent?: Entity88 | null;
  tags: string[];
  kind: "k89" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 90. */
export interface Entity90 {
  /** Identifier of entity 90. @minLength 1 */
  id: string;
  parent?: Entity89 | null;
  tags: string[];
  kind: "k90" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 91. */
export interface Entity91 {
  /** Identifier of entity 91. @minLength 1 */
  id: string;
  parent?: Entity90 | null;
  tags: string[];
  kind: "k91" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 92. */
export interface Entity92 {
  /** Identifier of entity 92. @minLength 1 */
  id: string;
  parent?: Entity91 | null;
  tags: string[];
  kind: "k92" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 93. */
export interface Entity93 {
  /** Identifier of entity 93. @minLength 1 */
  id: string;
  parent?: Entity92 | null;
  tags: string[];
  kind: "k93" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 94. */
export interface Entity94 {
  /** Identifier of entity 94. @minLength 1 */
  id: string;
  parent?: Entity93 | null;
  tags: string[];
  kind: "k94" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 95. */
export interface Entity95 {
  /** Identifier of entity 95. @minLength 1 */
  id: string;
  parent?: Entity94 | null;
  tags: string[];
  kind: "k95" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 96. */
export interface Entity96 {
  /** Identifier of entity 96. @minLength 1 */
  id: string;
  parent?: Entity95 | null;
  tags: string[];
  kind: "k96" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 97. */
export interface Entity97 {
  /** Identifier of entity 97. @minLength 1 */
  id: string;
  parent?: Entity96 | null;
  tags: string[];
  kind: "k97" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 98. */
export interface Entity98 {
  /** Identifier of entity 98. @minLength 1 */
  id: string;
  parent?: Entity97 | null;
  tags: string[];
  kind: "k98" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 99. */
export interface Entity99 {
  /** Identifier of entity 99. @minLength 1 */
  id: string;
  parent?: Entity98 | null;
  tags: string[];
  kind: "k99" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 100. */
export interface Entity100 {
  /** Identifier of entity 100. @minLength 1 */
  id: string;
  parent?: Entity99 | null;
  tags: string[];
  kind: "k100" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 101. */
export interface Entity101 {
  /** Identifier of entity 101. @minLength 1 */
  id: string;
  parent?: Entity100 | null;
  tags: string[];
  kind: "k101" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 102. */
export interface Entity102 {
  /** Identifier of entity 102. @minLength 1 */
  id: string;
  parent?: Entity101 | null;
  tags: string[];
  kind: "k102" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 103. */
export interface Entity103 {
  /** Identifier of entity 103. @minLength 1 */
  id: string;
  parent?: Entity102 | null;
  tags: string[];
  kind: "k103" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 104. */
export interface Entity104 {
  /** Identifier of entity 104. @minLength 1 */
  id: string;
  parent?: Entity103 | null;
  tags: string[];
  kind: "k104" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 105. */
export interface Entity105 {
  /** Identifier of entity 105. @minLength 1 */
  id: string;
  parent?: Entity104 | null;
  tags: string[];
  kind: "k105" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 106. */
export interface Entity106 {
  /** Identifier of entity 106. @minLength 1 */
  id: string;
  parent?: Entity105 | null;
  tags: string[];
  kind: "k106" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 107. */
export interface Entity107 {
  /** Identifier of entity 107. @minLength 1 */
  id: string;
  parent?: Entity106 | null;
  tags: string[];
  kind: "k107" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 108. */
export interface Entity108 {
  /** Identifier of entity 108. @minLength 1 */
  id: string;
  parent?: Entity107 | null;
  tags: string[];
  kind: "k108" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 109. */
export interface Entity109 {
  /** Identifier of entity 109. @minLength 1 */
  id: string;
  parent?: Entity108 | null;
  tags: string[];
  kind: "k109" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 110. */
export interface Entity110 {
  /** Identifier of entity 110. @minLength 1 */
  id: string;
  parent?: Entity109 | null;
  tags: string[];
  kind: "k110" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 111. */
export interface Entity111 {
  /** Identifier of entity 111. @minLength 1 */
  id: string;
  parent?: Entity110 | null;
  tags: string[];
  kind: "k111" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 112. */
export interface Entity112 {
  /** Identifier of entity 112. @minLength 1 */
  id: string;
  parent?: Entity111 | null;
  tags: string[];
  kind: "k112" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 113. */
export interface Entity113 {
  /** Identifier of entity 113. @minLength 1 */
  id: string;
  parent?: Entity112 | null;
  tags: string[];
  kind: "k113" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 114. */
export interface Entity114 {
  /** Identifier of entity 114. @minLength 1 */
  id: string;
  parent?: Entity113 | null;
  tags: string[];
  kind: "k114" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 115. */
export interface Entity115 {
  /** Identifier of entity 115. @minLength 1 */
  id: string;
  parent?: Entity114 | null;
  tags: string[];
  kind: "k115" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 116. */
export interface Entity116 {
  /** Identifier of entity 116. @minLength 1 */
  id: string;
  parent?: Entity115 | null;
  tags: string[];
  kind: "k116" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 117. */
export interface Entity117 {
  /** Identifier of entity 117. @minLength 1 */
  id: string;
  parent?: Entity116 | null;
  tags: string[];
  kind: "k117" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 118. */
export interface Entity118 {
  /** Identifier of entity 118. @minLength 1 */
  id: string;
  parent?: Entity117 | null;
  tags: string[];
  kind: "k118" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 119. */
export interface Entity119 {
  /** Identifier of entity 119. @minLength 1 */
  id: string;
  parent?: Entity118 | null;
  tags: string[];
  kind: "k119" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 120. */
export interface Entity120 {
  /** Identifier of entity 120. @minLength 1 */
  id: string;
  parent?: Entity119 | null;
  tags: string[];
  kind: "k120" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 121. */
export interface Entity121 {
  /** Identifier of entity 121. @minLength 1 */
  id: string;
  parent?: Entity120 | null;
  tags: string[];
  kind: "k121" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 122. */
export interface Entity122 {
  /** Identifier of entity 122. @minLength 1 */
  id: string;
  parent?: Entity121 | null;
  tags: string[];
  kind: "k122" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 123. */
export interface Entity123 {
  /** Identifier of entity 123. @minLength 1 */
  id: string;
  parent?: Entity122 | null;
  tags: string[];
  kind: "k123" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 124. */
export interface Entity124 {
  /** Identifier of entity 124. @minLength 1 */
  id: string;
  parent?: Entity123 | null;
  tags: string[];
  kind: "k124" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 125. */
export interface Entity125 {
  /** Identifier of entity 125. @minLength 1 */
  id: string;
  parent?: Entity124 | null;
  tags: string[];
  kind: "k125" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 126. */
export interface Entity126 {
  /** Identifier of entity 126. @minLength 1 */
  id: string;
  parent?: Entity125 | null;
  tags: string[];
  kind: "k126" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 127. */
export interface Entity127 {
  /** Identifier of entity 127. @minLength 1 */
  id: string;
  parent?: Entity126 | null;
  tags: string[];
  kind: "k127" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 128. */
export interface Entity128 {
  /** Identifier of entity 128. @minLength 1 */
  id: string;
  parent?: Entity127 | null;
  tags: string[];
  kind: "k128" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 129. */
export interface Entity129 {
  /** Identifier of entity 129. @minLength 1 */
  id: string;
  parent?: Entity128 | null;
  tags: string[];
  kind: "k129" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 130. */
export interface Entity130 {
  /** Identifier of entity 130. @minLength 1 */
  id: string;
  parent?: Entity129 | null;
  tags: string[];
  kind: "k130" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 131. */
export interface Entity131 {
  /** Identifier of entity 131. @minLength 1 */
  id: string;
  parent?: Entity130 | null;
  tags: string[];
  kind: "k131" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 132. */
export interface Entity132 {
  /** Identifier of entity 132. @minLength 1 */
  id: string;
  parent?: Entity131 | null;
  tags: string[];
  kind: "k132" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 133. */
export interface Entity133 {
  /** Identifier of entity 133. @minLength 1 */
  id: string;
  parent?: Entity132 | null;
  tags: string[];
  kind: "k133" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 134. */
export interface Entity134 {
  /** Identifier of entity 134. @minLength 1 */
  id: string;
  parent?: Entity133 | null;
  tags: string[];
  kind: "k134" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 135. */
export interface Entity135 {
  /** Identifier of entity 135. @minLength 1 */
  id: string;
  parent?: Entity134 | null;
  tags: string[];
  kind: "k135" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 136. */
export interface Entity136 {
  /** Identifier of entity 136. @minLength 1 */
  id: string;
  parent?: Entity135 | null;
  tags: string[];
  kind: "k136" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 137. */
export interface Entity137 {
  /** Identifier of entity 137. @minLength 1 */
  id: string;
  parent?: Entity136 | null;
  tags: string[];
  kind: "k137" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 138. */
export interface Entity138 {
  /** Identifier of entity 138. @minLength 1 */
  id: string;
  parent?: Entity137 | null;
  tags: string[];
  kind: "k138" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 139. */
export interface Entity139 {
  /** Identifier of entity 139. @minLength 1 */
  id: string;
  parent?: Entity138 | null;
  tags: string[];
  kind: "k139" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 140. */
export interface Entity140 {
  /** Identifier of entity 140. @minLength 1 */
  id: string;
  parent?: Entity139 | null;
  tags: string[];
  kind: "k140" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 141. */
export interface Entity141 {
  /** Identifier of entity 141. @minLength 1 */
  id: string;
  parent?: Entity140 | null;
  tags: string[];
  kind: "k141" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 142. */
export interface Entity142 {
  /** Identifier of entity 142. @minLength 1 */
  id: string;
  parent?: Entity141 | null;
  tags: string[];
  kind: "k142" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 143. */
export interface Entity143 {
  /** Identifier of entity 143. @minLength 1 */
  id: string;
  parent?: Entity142 | null;
  tags: string[];
  kind: "k143" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 144. */
export interface Entity144 {
  /** Identifier of entity 144. @minLength 1 */
  id: string;
  parent?: Entity143 | null;
  tags: string[];
  kind: "k144" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 145. */
export interface Entity145 {
  /** Identifier of entity 145. @minLength 1 */
  id: string;
  parent?: Entity144 | null;
  tags: string[];
  kind: "k145" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 146. */
export interface Entity146 {
  /** Identifier of entity 146. @minLength 1 */
  id: string;
  parent?: Entity145 | null;
  tags: string[];
  kind: "k146" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 147. */
export interface Entity147 {
  /** Identifier of entity 147. @minLength 1 */
  id: string;
  parent?: Entity146 | null;
  tags: string[];
  kind: "k147" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 148. */
export interface Entity148 {
  /** Identifier of entity 148. @minLength 1 */
  id: string;
  parent?: Entity147 | null;
  tags: string[];
  kind: "k148" | "other";
  meta?: Record<string, string | number>;
}

/** Entity number 149. */
export interface Entity149 {
  /** Identifier of entity 149. @minLength 1 */
  id: string;
  parent?: Entity148 | null;
  tags: string[];
  kind: "k149" | "other";
  meta?: Record<string, string | number>;
}

export interface Api {
  /**
   * Get entity 0.
   * @param id the id
   */
  get0(id: string, depth?: number): Promise<Entity0>;
  /**
   * Get entity 1.
   * @param id the id
   */
  get1(id: string, depth?: number): Promise<Entity1>;
  /**
   * Get entity 2.
   * @param id the id
   */
  get2(id: string, depth?: number): Promise<Entity2>;
  /**
   * Get entity 3.
   * @param id the id
   */
  get3(id: string, depth?: number): Promise<Entity3>;
  /**
   * Get entity 4.
   * @param id the id
   */
  get4(id: string, depth?: number): Promise<Entity4>;
  /**
   * Get entity 5.
   * @param id the id
   */
  get5(id: string, depth?: number): Promise<Entity5>;
  /**
   * Get entity 6.
   * @param id the id
   */
  get6(id: string, depth?: number): Promise<Entity6>;
  /**
   * Get entity 7.
   * @param id the id
   */
  get7(id: string, depth?: number): Promise<Entity7>;
  /**
   * Get entity 8.
   * @param id the id
   */
  get8(id: string, depth?: number): Promise<Entity8>;
  /**
   * Get entity 9.
   * @param id the id
   */
  get9(id: string, depth?: number): Promise<Entity9>;
  /**
   * Get entity 10.
   * @param id the id
   */
  get10(id: string, depth?: number): Promise<Entity10>;
  /**
   * Get entity 11.
   * @param id the id
   */
  get11(id: string, depth?: number): Promise<Entity11>;
  /**
   * Get entity 12.
   * @param id the id
   */
  get12(id: string, depth?: number): Promise<Entity12>;
  /**
   * Get entity 13.
   * @param id the id
   */
  get13(id: string, depth?: number): Promise<Entity13>;
  /**
   * Get entity 14.
   * @param id the id
   */
  get14(id: string, depth?: number): Promise<Entity14>;
  /**
   * Get entity 15.
   * @param id the id
   */
  get15(id: string, depth?: number): Promise<Entity15>;
  /**
   * Get entity 16.
   * @param id the id
   */
  get16(id: string, depth?: number): Promise<Entity16>;
  /**
   * Get entity 17.
   * @param id the id
   */
  get17(id: string, depth?: number): Promise<Entity17>;
  /**
   * Get entity 18.
   * @param id the id
   */
  get18(id: string, depth?: number): Promise<Entity18>;
  /**
   * Get entity 19.
   * @param id the id
   */
  get19(id: string, depth?: number): Promise<Entity19>;
  /**
   * Get entity 20.
   * @param id the id
   */
  get20(id: string, depth?: number): Promise<Entity20>;
  /**
   * Get entity 21.
   * @param id the id
   */
  get21(id: string, depth?: number): Promise<Entity21>;
  /**
   * Get entity 22.
   * @param id the id
   */
  get22(id: string, depth?: number): Promise<Entity22>;
  /**
   * Get entity 23.
   * @param id the id
   */
  get23(id: string, depth?: number): Promise<Entity23>;
  /**
   * Get entity 24.
   * @param id the id
   */
  get24(id: string, depth?: number): Promise<Entity24>;
  /**
   * Get entity 25.
   * @param id the id
   */
  get25(id: string, depth?: number): Promise<Entity25>;
  /**
   * Get entity 26.
   * @param id the id
   */
  get26(id: string, depth?: number): Promise<Entity26>;
  /**
   * Get entity 27.
   * @param id the id
   */
  get27(id: string, depth?: number): Promise<Entity27>;
  /**
   * Get entity 28.
   * @param id the id
   */
  get28(id: string, depth?: number): Promise<Entity28>;
  /**
   * Get entity 29.
   * @param id the id
   */
  get29(id: string, depth?: number): Promise<Entity29>;
  /**
   * Get entity 30.
   * @param id the id
   */
  get30(id: string, depth?: number): Promise<Entity30>;
  /**
   * Get entity 31.
   * @param id the id
   */
  get31(id: string, depth?: number): Promise<Entity31>;
  /**
   * Get entity 32.
   * @param id the id
   */
  get32(id: string, depth?: number): Promise<Entity32>;
  /**
   * Get entity 33.
   * @param id the id
   */
  get33(id: string, depth?: number): Promise<Entity33>;
  /**
   * Get entity 34.
   * @param id the id
   */
  get34(id: string, depth?: number): Promise<Entity34>;
  /**
   * Get entity 35.
   * @param id the id
   */
  get35(id: string, depth?: number): Promise<Entity35>;
  /**
   * Get entity 36.
   * @param id the id
   */
  get36(id: string, depth?: number): Promise<Entity36>;
  /**
   * Get entity 37.
   * @param id the id
   */
  get37(id: string, depth?: number): Promise<Entity37>;
  /**
   * Get entity 38.
   * @param id the id
   */
  get38(id: string, depth?: number): Promise<Entity38>;
  /**
   * Get entity 39.
   * @param id the id
   */
  get39(id: string, depth?: number): Promise<Entity39>;
  /**
   * Get entity 40.
   * @param id the id
   */
  get40(id: string, depth?: number): Promise<Entity40>;
  /**
   * Get entity 41.
   * @param id the id
   */
  get41(id: string, depth?: number): Promise<Entity41>;
  /**
   * Get entity 42.
   * @param id the id
   */
  get42(id: string, depth?: number): Promise<Entity42>;
  /**
   * Get entity 43.
   * @param id the id
   */
  get43(id: string, depth?: number): Promise<Entity43>;
  /**
   * Get entity 44.
   * @param id the id
   */
  get44(id: string, depth?: number): Promise<Entity44>;
  /**
   * Get entity 45.
   * @param id the id
   */
  get45(id: string, depth?: number): Promise<Entity45>;
  /**
   * Get entity 46.
   * @param id the id
   */
  get46(id: string, depth?: number): Promise<Entity46>;
  /**
   * Get entity 47.
   * @param id the id
   */
  get47(id: string, depth?: number): Promise<Entity47>;
  /**
   * Get entity 48.
   * @param id the id
   */
  get48(id: string, depth?: number): Promise<Entity48>;
  /**
   * Get entity 49.
   * @param id the id
   */
  get49(id: string, depth?: number): Promise<Entity49>;
  /**
   * Get entity 50.
   * @param id the id
   */
  get50(id: string, depth?: number): Promise<Entity50>;
  /**
   * Get entity 51.
   * @param id the id
   */
  get51(id: string, depth?: number): Promise<Entity51>;
  /**
   * Get entity 52.
   * @param id the id
   */
  get52(id: string, depth?: number): Promise<Entity52>;
  /**
   * Get entity 53.
   * @param id the id
   */
  get53(id: string, depth?: number): Promise<Entity53>;
  /**
   * Get entity 54.
   * @param id the id
   */
  get54(id: string, depth?: number): Promise<Entity54>;
  /**
   * Get entity 55.
   * @param id the id
   */
  get55(id: string, depth?: number): Promise<Entity55>;
  /**
   * Get entity 56.
   * @param id the id
   */
  get56(id: string, depth?: number): Promise<Entity56>;
  /**
   * Get entity 57.
   * @param id the id
   */
  get57(id: string, depth?: number): Promise<Entity57>;
  /**
   * Get entity 58.
   * @param id the id
   */
  get58(id: string, depth?: number): Promise<Entity58>;
  /**
   * Get entity 59.
   * @param id the id
   */
  get59(id: string, depth?: number): Promise<Entity59>;
  /**
   * Get entity 60.
   * @param id the id
   */
  get60(id: string, depth?: number): Promise<Entity60>;
  /**
   * Get entity 61.
   * @param id the id
   */
  get61(id: string, depth?: number): Promise<Entity61>;
  /**
   * Get entity 62.
   * @param id the id
   */
  get62(id: string, depth?: number): Promise<Entity62>;
  /**
   * Get entity 63.
   * @param id the id
   */
  get63(id: string, depth?: number): Promise<Entity63>;
  /**
   * Get entity 64.
   * @param id the id
   */
  get64(id: string, depth?: number): Promise<Entity64>;
  /**
   * Get entity 65.
   * @param id the id
   */
  get65(id: string, depth?: number): Promise<Entity65>;
  /**
   * Get entity 66.
   * @param id the id
   */
  get66(id: string, depth?: number): Promise<Entity66>;
  /**
   * Get entity 67.
   * @param id the id
   */
  get67(id: string, depth?: number): Promise<Entity67>;
  /**
   * Get entity 68.
   * @param id the id
   */
  get68(id: string, depth?: number): Promise<Entity68>;
  /**
   * Get entity 69.
   * @param id the id
   */
  get69(id: string, depth?: number): Promise<Entity69>;
  /**
   * Get entity 70.
   * @param id the id
   */
  get70(id: string, depth?: number): Promise<Entity70>;
  /**
   * Get entity 71.
   * @param id the id
   */
  get71(id: string, depth?: number): Promise<Entity71>;
  /**
   * Get entity 72.
   * @param id the id
   */
  get72(id: string, depth?: number): Promise<Entity72>;
  /**
   * Get entity 73.
   * @param id the id
   */
  get73(id: string, depth?: number): Promise<Entity73>;
  /**
   * Get entity 74.
   * @param id the id
   */
  get74(id: string, depth?: number): Promise<Entity74>;
  /**
   * Get entity 75.
   * @param id the id
   */
  get75(id: string, depth?: number): Promise<Entity75>;
  /**
   * Get entity 76.
   * @param id the id
   */
  get76(id: string, depth?: number): Promise<Entity76>;
  /**
   * Get entity 77.
   * @param id the id
   */
  get77(id: string, depth?: number): Promise<Entity77>;
  /**
   * Get entity 78.
   * @param id the id
   */
  get78(id: string, depth?: number): Promise<Entity78>;
  /**
   * Get entity 79.
   * @param id the id
   */
  get79(id: string, depth?: number): Promise<Entity79>;
  /**
   * Get entity 80.
   * @param id the id
   */
  get80(id: string, depth?: number): Promise<Entity80>;
  /**
   * Get entity 81.
   * @param id the id
   */
  get81(id: string, depth?: number): Promise<Entity81>;
  /**
   * Get entity 82.
   * @param id the id
   */
  get82(id: string, depth?: number): Promise<Entity82>;
  /**
   * Get entity 83.
   * @param id the id
   */
  get83(id: string, depth?: number): Promise<Entity83>;
  /**
   * Get entity 84.
   * @param id the id
   */
  get84(id: string, depth?: number): Promise<Entity84>;
  /**
   * Get entity 85.
   * @param id the id
   */
  get85(id: string, depth?: number): Promise<Entity85>;
  /**
   * Get entity 86.
   * @param id the id
   */
  get86(id: string, depth?: number): Promise<Entity86>;
  /**
   * Get entity 87.
   * @param id the id
   */
  get87(id: string, depth?: number): Promise<Entity87>;
  /**
   * Get entity 88.
   * @param id the id
   */
  get88(id: string, depth?: number): Promise<Entity88>;
  /**
   * Get entity 89.
   * @param id the id
   */
  get89(id: string, depth?: number): Promise<Entity89>;
  /**
   * Get entity 90.
   * @param id the id
   */
  get90(id: string, depth?: number): Promise<Entity90>;
  /**
   * Get entity 91.
   * @param id the id
   */
  get91(id: string, depth?: number): Promise<Entity91>;
  /**
   * Get entity 92.
   * @param id the id
   */
  get92(id: string, depth?: number): Promise<Entity92>;
  /**
   * Get entity 93.
   * @param id the id
   */
  get93(id: string, depth?: number): Promise<Entity93>;
  /**
   * Get entity 94.
   * @param id the id
   */
  get94(id: string, depth?: number): Promise<Entity94>;
  /**
   * Get entity 95.
   * @param id the id
   */
  get95(id: string, depth?: number): Promise<Entity95>;
  /**
   * Get entity 96.
   * @param id the id
   */
  get96(id: string, depth?: number): Promise<Entity96>;
  /**
   * Get entity 97.
   * @param id the id
   */
  get97(id: string, depth?: number): Promise<Entity97>;
  /**
   * Get entity 98.
   * @param id the id
   */
  get98(id: string, depth?: number): Promise<Entity98>;
  /**
   * Get entity 99.
   * @param id the id
   */
  get99(id: string, depth?: number): Promise<Entity99>;
  /**
   * Get entity 100.
   * @param id the id
   */
  get100(id: string, depth?: number): Promise<Entity100>;
  /**
   * Get entity 101.
   * @param id the id
   */
  get101(id: string, depth?: number): Promise<Entity101>;
  /**
   * Get entity 102.
   * @param id the id
   */
  get102(id: string, depth?: number): Promise<Entity102>;
  /**
   * Get entity 103.
   * @param id the id
   */
  get103(id: string, depth?: number): Promise<Entity103>;
  /**
   * Get entity 104.
   * @param id the id
   */
  get104(id: string, depth?: number): Promise<Entity104>;
  /**
   * Get entity 105.
   * @param id the id
   */
  get105(id: string, depth?: number): Promise<Entity105>;
  /**
   * Get entity 106.
   * @param id the id
   */
  get106(id: string, depth?: number): Promise<Entity106>;
  /**
   * Get entity 107.
   * @param id the id
   */
  get107(id: string, depth?: number): Promise<Entity107>;
  /**
   * Get entity 108.
   * @param id the id
   */
  get108(id: string, depth?: number): Promise<Entity108>;
  /**
   * Get entity 109.
   * @param id the id
   */
  get109(id: string, depth?: number): Promise<Entity109>;
  /**
   * Get entity 110.
   * @param id the id
   */
  get110(id: string, depth?: number): Promise<Entity110>;
  /**
   * Get entity 111.
   * @param id the id
   */
  get111(id: string, depth?: number): Promise<Entity111>;
  /**
   * Get entity 112.
   * @param id the id
   */
  get112(id: string, depth?: number): Promise<Entity112>;
  /**
   * Get entity 113.
   * @param id the id
   */
  get113(id: string, depth?: number): Promise<Entity113>;
  /**
   * Get entity 114.
   * @param id the id
   */
  get114(id: string, depth?: number): Promise<Entity114>;
  /**
   * Get entity 115.
   * @param id the id
   */
  get115(id: string, depth?: number): Promise<Entity115>;
  /**
   * Get entity 116.
   * @param id the id
   */
  get116(id: string, depth?: number): Promise<Entity116>;
  /**
   * Get entity 117.
   * @param id the id
   */
  get117(id: string, depth?: number): Promise<Entity117>;
  /**
   * Get entity 118.
   * @param id the id
   */
  get118(id: string, depth?: number): Promise<Entity118>;
  /**
   * Get entity 119.
   * @param id the id
   */
  get119(id: string, depth?: number): Promise<Entity119>;
  /**
   * Get entity 120.
   * @param id the id
   */
  get120(id: string, depth?: number): Promise<Entity120>;
  /**
   * Get entity 121.
   * @param id the id
   */
  get121(id: string, depth?: number): Promise<Entity121>;
  /**
   * Get entity 122.
   * @param id the id
   */
  get122(id: string, depth?: number): Promise<Entity122>;
  /**
   * Get entity 123.
   * @param id the id
   */
  get123(id: string, depth?: number): Promise<Entity123>;
  /**
   * Get entity 124.
   * @param id the id
   */
  get124(id: string, depth?: number): Promise<Entity124>;
  /**
   * Get entity 125.
   * @param id the id
   */
  get125(id: string, depth?: number): Promise<Entity125>;
  /**
   * Get entity 126.
   * @param id the id
   */
  get126(id: string, depth?: number): Promise<Entity126>;
  /**
   * Get entity 127.
   * @param id the id
   */
  get127(id: string, depth?: number): Promise<Entity127>;
  /**
   * Get entity 128.
   * @param id the id
   */
  get128(id: string, depth?: number): Promise<Entity128>;
  /**
   * Get entity 129.
   * @param id the id
   */
  get129(id: string, depth?: number): Promise<Entity129>;
  /**
   * Get entity 130.
   * @param id the id
   */
  get130(id: string, depth?: number): Promise<Entity130>;
  /**
   * Get entity 131.
   * @param id the id
   */
  get131(id: string, depth?: number): Promise<Entity131>;
  /**
   * Get entity 132.
   * @param id the id
   */
  get132(id: string, depth?: number): Promise<Entity132>;
  /**
   * Get entity 133.
   * @param id the id
   */
  get133(id: string, depth?: number): Promise<Entity133>;
  /**
   * Get entity 134.
   * @param id the id
   */
  get134(id: string, depth?: number): Promise<Entity134>;
  /**
   * Get entity 135.
   * @param id the id
   */
  get135(id: string, depth?: number): Promise<Entity135>;
  /**
   * Get entity 136.
   * @param id the id
   */
  get136(id: string, depth?: number): Promise<Entity136>;
  /**
   * Get entity 137.
   * @param id the id
   */
  get137(id: string, depth?: number): Promise<Entity137>;
  /**
   * Get entity 138.
   * @param id the id
   */
  get138(id: string, depth?: number): Promise<Entity138>;
  /**
   * Get entity 139.
   * @param id the id
   */
  get139(id: string, depth?: number): Promise<Entity139>;
  /**
   * Get entity 140.
   * @param id the id
   */
  get140(id: string, depth?: number): Promise<Entity140>;
  /**
   * Get entity 141.
   * @param id the id
   */
  get141(id: string, depth?: number): Promise<Entity141>;
  /**
   * Get entity 142.
   * @param id the id
   */
  get142(id: string, depth?: number): Promise<Entity142>;
  /**
   * Get entity 143.
   * @param id the id
   */
  get143(id: string, depth?: number): Promise<Entity143>;
  /**
   * Get entity 144.
   * @param id the id
   */
  get144(id: string, depth?: number): Promise<Entity144>;
  /**
   * Get entity 145.
   * @param id the id
   */
  get145(id: string, depth?: number): Promise<Entity145>;
  /**
   * Get entity 146.
   * @param id the id
   */
  get146(id: string, depth?: number): Promise<Entity146>;
  /**
   * Get entity 147.
   * @param id the id
   */
  get147(id: string, depth?: number): Promise<Entity147>;
  /**
   * Get entity 148.
   * @param id the id
   */
  get148(id: string, depth?: number): Promise<Entity148>;
  /**
   * Get entity 149.
   * @param id the id
   */
  get149(id: string, depth?: number): Promise<Entity149>;
}
//! accept s26_get7 {"id": "x"}
//! reject s26_get7 {"depth": 1}
