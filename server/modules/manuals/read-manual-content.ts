import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ContentChapter, ContentManual, ContentPage, ContentRelease } from "./content-tree.js";
import { type ContentProblem, parsePageFile } from "./front-matter.js";
import { readManualYaml, readReleaseYaml } from "./read-manual-yaml.js";

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const CHAPTER_DIRECTORY = /^(\d{2,})-([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$/;

/**
 * Reads `content/manuals/` completely, writing nothing: every manual, release, chapter and page, with every
 * problem found (file and line). The caller writes only when the problem list is empty.
 */
export function readManualContent(contentDirectory: string): {
  manuals: ContentManual[];
  problems: ContentProblem[];
} {
  const root = join(contentDirectory, "manuals");
  const problems: ContentProblem[] = [];
  const manuals: ContentManual[] = [];
  if (!existsSync(root)) return { manuals, problems };
  for (const slug of visibleEntries(root).filter((entry) => isDirectory(join(root, entry)))) {
    const manualPath = `manuals/${slug}`;
    if (!SLUG.test(slug)) {
      problems.push({ file: manualPath, line: 1, message: "manual folders are lowercase slugs" });
      continue;
    }
    const yamlFile = join(root, slug, "manual.yaml");
    if (!existsSync(yamlFile)) {
      problems.push({ file: `${manualPath}/manual.yaml`, line: 1, message: "manual.yaml is missing" });
      continue;
    }
    const meta = readManualYaml(`${manualPath}/manual.yaml`, readFileSync(yamlFile, "utf8"));
    if (!meta.ok) problems.push(...meta.problems);
    const releases: ContentRelease[] = [];
    for (const name of visibleEntries(join(root, slug)).filter((entry) =>
      isDirectory(join(root, slug, entry)),
    )) {
      const release = readRelease(join(root, slug, name), `${manualPath}/${name}`, name, problems);
      if (release) releases.push(release);
    }
    if (meta.ok) manuals.push({ slug, ...meta.value, releases });
  }
  return { manuals, problems };
}

function readRelease(
  directory: string,
  contentPath: string,
  name: string,
  problems: ContentProblem[],
): ContentRelease | undefined {
  const yamlFile = join(directory, "release.yaml");
  if (!existsSync(yamlFile)) {
    problems.push({ file: `${contentPath}/release.yaml`, line: 1, message: "release.yaml is missing" });
    return undefined;
  }
  const yamlText = readFileSync(yamlFile, "utf8");
  const meta = readReleaseYaml(`${contentPath}/release.yaml`, name, yamlText);
  if (!meta.ok) problems.push(...meta.problems);
  const chapters: ContentChapter[] = [];
  const assets = new Set<string>();
  const chapterOf = new Map<string, string>();
  for (const entry of visibleEntries(directory)) {
    const path = join(directory, entry);
    if (!isDirectory(path)) {
      if (entry !== "release.yaml") assets.add(entry);
      continue;
    }
    const match = CHAPTER_DIRECTORY.exec(entry);
    if (!match) {
      collectAssets(path, entry, assets);
      continue;
    }
    const slug = match[2] as string;
    const earlier = chapterOf.get(slug);
    if (earlier) {
      problems.push({
        file: `${contentPath}/${entry}`,
        line: 1,
        message: `duplicate chapter slug "${slug}" (also ${contentPath}/${earlier})`,
      });
      continue;
    }
    chapterOf.set(slug, entry);
    const chapter = readChapter(path, `${contentPath}/${entry}`, entry, slug, assets, problems);
    if (chapter) chapters.push(chapter);
  }
  if (!meta.ok) return undefined;
  chapters.sort(
    (a, b) => a.frontMatter.order - b.frontMatter.order || a.directory.localeCompare(b.directory),
  );
  return { ...meta.value, hash: createHash("sha256").update(yamlText).digest("hex"), chapters, assets };
}

function readChapter(
  path: string,
  contentPath: string,
  directory: string,
  slug: string,
  assets: Set<string>,
  problems: ContentProblem[],
): ContentChapter | undefined {
  const pages: ContentPage[] = [];
  for (const entry of visibleEntries(path)) {
    if (isDirectory(join(path, entry))) {
      collectAssets(join(path, entry), `${directory}/${entry}`, assets);
      continue;
    }
    if (!entry.endsWith(".md")) {
      assets.add(`${directory}/${entry}`);
      continue;
    }
    const pageSlug = entry.slice(0, -3);
    const file = `${contentPath}/${entry}`;
    if (!SLUG.test(pageSlug)) {
      problems.push({ file, line: 1, message: "page file names are lowercase slugs ending in .md" });
      continue;
    }
    const source = readFileSync(join(path, entry), "utf8");
    const parsed = parsePageFile(file, source);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    pages.push({
      slug: pageSlug,
      file: `${directory}/${entry}`,
      contentPath: file,
      frontMatter: parsed.frontMatter,
      body: parsed.body,
      bodyStartLine: parsed.bodyStartLine,
      hash: createHash("sha256").update(source).digest("hex"),
    });
  }
  const index = pages.find((page) => page.slug === "index");
  if (!index) {
    if (!problems.some((problem) => problem.file === `${contentPath}/index.md`))
      problems.push({ file: `${contentPath}/index.md`, line: 1, message: "every chapter needs an index.md" });
    return undefined;
  }
  pages.sort(
    (a, b) =>
      Number(b.slug === "index") - Number(a.slug === "index") ||
      a.frontMatter.order - b.frontMatter.order ||
      a.slug.localeCompare(b.slug),
  );
  return { slug, directory, frontMatter: index.frontMatter, pages };
}

function collectAssets(path: string, relative: string, assets: Set<string>): void {
  for (const entry of visibleEntries(path)) {
    const child = join(path, entry);
    if (isDirectory(child)) collectAssets(child, `${relative}/${entry}`, assets);
    else assets.add(`${relative}/${entry}`);
  }
}

function visibleEntries(directory: string): string[] {
  return readdirSync(directory)
    .filter((entry) => !entry.startsWith("."))
    .sort();
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}
