import { describe, expect, it } from "vitest";
import { legacySlug, loadRegistry, pagedKinds, type PagedKind } from "../src/taxonomy/registry.ts";

const registry = loadRegistry();

describe("taxonomy registry", () => {
  it("holds the legacy site's platforms, risks, regulations and subjects, and the terms added since", () => {
    expect(registry.slugs("platforms")).toEqual(["aws", "azure", "gcp", "databricks", "snowflake"]);
    expect(registry.terms.risks.map((term) => term.label)).toEqual([
      "data exfiltration",
      "data exposure",
      "data tampering",
      "excessive permissions",
      "insecure APIs",
      "insider threats",
      "lack of classification",
      "lateral movement",
      "misconfiguration",
      "overly permissive IAM roles",
      "shadow data",
      "stale backups",
      "unauthorized access",
      "unencrypted sensitive data",
      "unrestricted public access",
    ]);
    expect(registry.terms.regulations.map((term) => term.label)).toEqual([
      "CCPA",
      "FedRAMP",
      "FINRA 4511",
      "GDPR",
      "GLBA",
      "HIPAA",
      "ISO 27001",
      "NIST 800-53",
      "PCI-DSS",
      "SEC 17a-4",
      "SOC 2",
      "SOX",
    ]);
    expect(registry.terms.subjects).toHaveLength(12);
    expect(registry.slugs("actions")).toEqual(["detect", "prevent", "fix"]);
  });

  it("gives every paged term the slug the legacy tag links computed from its label", () => {
    for (const kind of Object.keys(pagedKinds) as PagedKind[]) {
      for (const term of registry.terms[kind]) {
        expect(term.slug, `${kind}: ${term.label}`).toBe(legacySlug(term.label));
      }
    }
    expect(registry.resolve("regulations", "SOC 2")?.slug).toBe("soc-2");
    expect(registry.resolve("risks", "insecure APIs")?.slug).toBe("insecure-apis");
  });

  it("resolves aliases and spellings that differ only in case, spaces or hyphens", () => {
    expect(registry.resolve("regulations", "PCI DSS")?.slug).toBe("pci-dss");
    expect(registry.resolve("regulations", "nist 800-53")?.slug).toBe("nist-800-53");
    expect(registry.resolve("regulations", "ISO/IEC 27001")?.slug).toBe("iso-27001");
    expect(registry.resolve("platforms", "Microsoft Azure")?.slug).toBe("azure");
    expect(registry.resolve("subjects", "api-keys-secrets-tokens")?.label).toBe("API keys, secrets & tokens");
    expect(registry.resolve("platforms", "azurre")).toBeUndefined();
  });

  it("suggests the nearest term for a typo and nothing for a stranger", () => {
    expect(registry.suggest("platforms", "azurre")).toBe("azure");
    expect(registry.suggest("regulations", "PCI DDS")).toBe("pci-dss");
    expect(registry.suggest("platforms", "mainframe")).toBeUndefined();
  });

  it("describes every term and names every regulation in full", () => {
    for (const kind of ["platforms", "risks", "regulations", "subjects", "actions"] as const) {
      for (const term of registry.terms[kind]) expect(term.description.length, term.slug).toBeGreaterThan(20);
    }
    expect(registry.resolve("regulations", "PCI-DSS")?.full_name).toBe("Payment Card Industry Data Security Standard");
  });
});
