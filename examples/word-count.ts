// Run me: scripts/paddock exec examples/word-count.ts
// TypeScript works as is: Paddock strips the types with the real TypeScript compiler and keeps error
// positions pointing at this file. This is the shape agents usually send: an async arrow function,
// whose return value is the result.
async (): Promise<{ word: string; count: number }[]> => {
  type Count = { word: string; count: number };
  const text: string = "the quick brown fox jumps over the lazy dog the end";
  const counts = new Map<string, number>();
  for (const word of text.split(/\s+/)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked: Count[] = [...counts].map(([word, count]) => ({ word, count }));
  return ranked.sort((a, b) => b.count - a.count).slice(0, 3);
};
