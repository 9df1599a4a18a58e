/** "电工，厨艺、 法律" → ["电工", "厨艺", "法律"]: split on commas (either width), 、, semicolons or spaces. */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,，、;；\s]+/)) {
    const skill = part.trim();
    if (skill) seen.add(skill);
  }
  return [...seen];
}
