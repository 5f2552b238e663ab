// Writing the structured guide: its fields in the schema's order, which is the README example's, as readable YAML.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { serialiseGuide } from "../../src/authoring/migrate/serialise.ts";
import { structuredGuideSchema } from "../../src/content/schema.ts";
import { projectRoot } from "../../src/paths.ts";
import { loadRegistry } from "../../src/taxonomy/registry.ts";

describe("writing a structured guide", () => {
  it("writes the fields in the order given, whatever order they came in, and leaves out the rest", () => {
    const text = serialiseGuide({ status: "draft", title: "T", missing: undefined, extra: "x" }, "", ["title", "missing", "status"]);
    expect(text).toBe("---\ntitle: T\nstatus: draft\n---\n");
  });

  it("puts the body after the front matter, ending with a line break", () => {
    expect(serialiseGuide({ title: "T" }, "One.\n\nTwo.", ["title"])).toBe("---\ntitle: T\n---\nOne.\n\nTwo.\n");
  });

  it("writes tags, regulations and the flow on one line, and other lists one entry a line", () => {
    const fields = {
      regulation: ["PCI-DSS", "SOC 2"],
      tags: ["unity catalog"],
      architecture: { components: [{ name: "A", role: "B" }], flow: ["List", "Scan"] },
    };
    expect(serialiseGuide(fields, "", ["regulation", "tags", "architecture"])).toBe(
      "---\nregulation: [PCI-DSS, SOC 2]\ntags: [unity catalog]\narchitecture:\n  components:\n    - name: A\n      role: B\n  flow: [List, Scan]\n---\n",
    );
  });

  it("writes text of several lines as a block scalar, and long lines unbroken", () => {
    const long = "word ".repeat(40).trim();
    const text = serialiseGuide({ legacy_content: '<div class="x">\n  <p>a</p>\n</div>', description: long }, "", [
      "description",
      "legacy_content",
    ]);
    expect(text).toBe(`---\ndescription: ${long}\nlegacy_content: |-\n  <div class="x">\n    <p>a</p>\n  </div>\n---\n`);
  });

  it("writes YAML that reads back as the fields", () => {
    const fields = {
      title: "Keys: rotate them",
      order: 2,
      steps: [{ title: "A", body: "`code` # not a comment", commands: [{ code: "ls" }] }],
    };
    const text = serialiseGuide(fields, "", Object.keys(fields));
    expect(parseYaml(/^---\n([\s\S]*)---\n$/.exec(text)![1]!)).toEqual(fields);
  });
});

describe("the order migrated guides are written in", () => {
  const schemaOrder = Object.keys(structuredGuideSchema(loadRegistry()).shape);

  it("is the order of the README's complete example", () => {
    const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
    const example = /### A complete example\n\n```markdown\n---\n([\s\S]*?)\n---\n/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const exampleFields = Object.keys(parseYaml(example!) as Record<string, unknown>);
    expect(exampleFields.length).toBeGreaterThan(10);
    expect(schemaOrder.filter((field) => exampleFields.includes(field))).toEqual(exampleFields);
  });

  it("places the fields the example leaves out: reviewed before tags, the spotlight after the prerequisites, legacy_content last", () => {
    const position = (field: string) => schemaOrder.indexOf(field);
    expect(position("reviewed")).toBeLessThan(position("tags"));
    expect(position("tags")).toBeLessThan(position("primary_risk"));
    expect(position("prerequisites")).toBeLessThan(position("spotlight"));
    expect(position("spotlight")).toBeLessThan(position("steps"));
    expect(schemaOrder.at(-1)).toBe("legacy_content");
  });
});
