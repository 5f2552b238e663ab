// The language `npm run migrate` gives each command: what the legacy HTML states wins, otherwise the command is read.
import { describe, expect, it } from "vitest";
import {
  commandLanguage,
  languageOfLabel,
  sniffLanguage,
  type CommandLanguageName,
  type LanguageHints,
} from "../src/authoring/migrate/command-language.ts";

describe("reading a command's language from the command", () => {
  it.each<[string, CommandLanguageName]>([
    // SQL: Snowflake and Databricks statements, upper or lower case, after a comment.
    ["SELECT * FROM crm.public.contacts;", "sql"],
    ["select table_name from information_schema.tables", "sql"],
    ["SHOW GRANTS ON TABLE <database>.<schema>.<table>;", "sql"],
    ["SHOW TAGS IN ACCOUNT;", "sql"],
    ["CREATE MASKING POLICY email_mask AS (val string) RETURNS string -> '***';", "sql"],
    ["ALTER TABLE main.crm.contacts SET TBLPROPERTIES ('contains_pii' = 'true')", "sql"],
    ["GRANT SELECT ON TABLE main.crm.contacts TO `analysts`", "sql"],
    ["DESCRIBE HISTORY main.crm.contacts", "sql"],
    ["USE ROLE SECURITYADMIN;", "sql"],
    ["CALL SYSTEM$CLASSIFY_SCHEMA('crm.public', {'auto_tag': false});", "sql"],
    ["SET retention_days = 7;", "sql"],
    ["WITH recent AS (SELECT * FROM logins) SELECT user_name FROM recent", "sql"],
    ["-- users who sign in with a password\nSELECT name FROM snowflake.account_usage.users;", "sql"],
    ["LIST @config_stage;", "sql"],
    // PowerShell: Verb-Noun cmdlets, $variables, a prompt.
    ["Get-AzKeyVault -ResourceGroupName <resource-group>", "powershell"],
    ["$vault = Get-AzKeyVault -VaultName <vault-name>", "powershell"],
    ["Connect-AzAccount\nGet-AzKeyVaultSecret -VaultName <vault-name>", "powershell"],
    ["Remove-AzKeyVaultSecret -VaultName <vault-name> -Name <secret-name> -Force", "powershell"],
    ["$secret = (Get-AzKeyVaultSecret -VaultName kv -Name db).SecretValue", "powershell"],
    ["PS C:\\> Get-AzStorageAccount", "powershell"],
    ["Protect-CmsMessage -To <certificate> -Path secret.txt", "powershell"],
    // JSON: an object or an array, placeholders included.
    ['{"Version": "2012-10-17", "Statement": []}', "json"],
    ['[{"name": "<secret-name>"}]', "json"],
    ['{"expiresInDays": <days>}', "json"],
    // YAML: mapping lines.
    ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: <secret-name>", "yaml"],
    ["rules:\n  - id: aws-access-key\n    regex: AKIA[0-9A-Z]{16}", "yaml"],
    // Python: imports, definitions, print, Databricks notebook utilities.
    ["import boto3\ns3 = boto3.client('s3')", "python"],
    ["from azure.identity import DefaultAzureCredential", "python"],
    ["def rotate(secret):\n    return secret", "python"],
    ["print(dbutils.secrets.listScopes())", "python"],
    ['dbutils.secrets.get(scope="<scope>", key="<key>")', "python"],
    // HCL: Terraform blocks.
    ['resource "aws_s3_bucket_public_access_block" "config" {\n  bucket = "<your-bucket>"\n}', "hcl"],
    ['provider "azurerm" {\n  features {}\n}', "hcl"],
    ['terraform {\n  required_version = ">= 1.6"\n}', "hcl"],
    // Shell, including command lines that carry SQL, JSON or YAML, or look like a cmdlet without being one.
    ["az keyvault secret show --vault-name <vault-name> --name <secret-name>", "bash"],
    ["aws s3api get-bucket-policy --bucket <your-bucket>", "bash"],
    ["gcloud secrets list --format=json", "bash"],
    ['snowsql -a <account_identifier> -q "SELECT current_user();"', "bash"],
    ["snowsql -a <account_identifier> -u <username>", "bash"],
    ["databricks secrets list-scopes", "bash"],
    ["aws s3 ls s3://<your-bucket>/", "bash"],
    ["kubectl get secret db-credentials -o yaml", "bash"],
    ["terraform plan -out tfplan", "bash"],
    ['psql -c "SELECT usename FROM pg_user;"', "bash"],
    ["az ad sp create-for-rbac --name scanner --role Reader", "bash"],
    ["export AWS_PROFILE=audit\naws sts get-caller-identity", "bash"],
    ["VAULT=<vault-name> az keyvault show --name $VAULT", "bash"],
    ["#!/usr/bin/env bash\nset -euo pipefail", "bash"],
    ["curl -H 'Authorization: Bearer <token>' https://api.example.com/v1/keys", "bash"],
    ["$ aws iam list-access-keys", "bash"],
    ["python3 scan.py --path ./repo", "bash"],
    ["echo '{\"a\": 1}' | jq .", "bash"],
    ["show-grants --all", "bash"],
    ["gitleaks dir -v ./config-review", "bash"],
  ])("reads `%s` as %s", (code, language) => {
    expect(sniffLanguage(code)).toBe(language);
    expect(commandLanguage(code)).toEqual({ name: language, source: "command", ignored: [] });
  });
});

describe("a command's language stated by the legacy HTML", () => {
  it.each<[string, LanguageHints, ReturnType<typeof commandLanguage>]>([
    ["a class wins over the command", { classes: ["code-block", "language-sql"] }, { name: "sql", source: "class", ignored: [] }],
    ["a lang- class and an alias", { classes: ["lang-ps1"] }, { name: "powershell", source: "class", ignored: [] }],
    ["a data attribute", { attributes: ["JSON"] }, { name: "json", source: "attribute", ignored: [] }],
    [
      "a data attribute before a class",
      { attributes: ["yaml"], classes: ["language-json"] },
      { name: "yaml", source: "attribute", ignored: [] },
    ],
    ["a label", { labels: ["Terraform"] }, { name: "hcl", source: "label", ignored: [] }],
    ["a label naming a CLI", { labels: ["Azure CLI"] }, { name: "bash", source: "label", ignored: [] }],
    ["a class before a label", { classes: ["language-python"], labels: ["SQL"] }, { name: "python", source: "class", ignored: [] }],
    [
      "a hint naming no language it knows, which is reported",
      { attributes: ["text"], classes: ["language-none"] },
      { name: "bash", source: "command", ignored: ["text", "none"] },
    ],
    ["classes that name no language", { classes: ["code-block", "highlight"] }, { name: "bash", source: "command", ignored: [] }],
  ])("%s", (_, hints, expected) => {
    expect(commandLanguage("aws s3 ls s3://<your-bucket>/", hints)).toEqual(expected);
  });

  it.each<[string, CommandLanguageName | undefined]>([
    ["SQL", "sql"],
    ["PowerShell:", "powershell"],
    ["Azure PowerShell", "powershell"],
    ["Terraform", "hcl"],
    ["Snowflake SQL", "sql"],
    ["Example (Python)", "python"],
    ["YAML", "yaml"],
    ["bash", "bash"],
    ["Using the Azure CLI:", undefined],
    ["SQL or PowerShell", undefined],
    ["Step 2", undefined],
    ["", undefined],
  ])("takes the label %j for %s", (text, language) => {
    expect(languageOfLabel(text)).toBe(language);
  });
});
