// Run me: scripts/paddock exec examples/word-count.ts
// TypeScript works as is: Paddock strips the types with the real TypeScript compiler and keeps
// error positions pointing at this file. Agents usually send code in this shape: an async arrow function.
type Count = { word: string; count: number };

async (): Promise<Count[]> => {
  const text: string = "the quick brown fox jumps over the lazy dog the end";
  const counts = new Map<string, number>();
  for (const word of text.split(/\s+/)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count).slice(0, 3);
};
