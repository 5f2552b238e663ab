// Guessing a command's effect from its verbs and options, and the word that decided it.
import { describe, expect, it } from "vitest";
import { guessCommandEffect } from "../../src/authoring/migrate/command-effect.ts";

describe("guessing a command's effect", () => {
  it.each([
    ["aws iam list-access-keys --user-name <user>", "reads", "list"],
    ["Get-AzKeyVaultSecret -VaultName <vault>", "reads", "get"],
    ["SHOW GRANTS ON TABLE crm.public.contacts;", "reads", "show"],
    ["cat ./deleted-files.txt", "reads", "cat"],
    ["az ad sp create-for-rbac --name scanner --query appId", "changes", "create"],
    ["kubectl get pods && kubectl apply -f policy.yaml", "changes", "apply"],
    ['az keyvault create --name "<vault-name>" --enable-soft-delete true', "changes", "create"],
    ["Remove-AzKeyVaultSecret -VaultName <vault> -Name <name>", "destructive", "remove"],
    ["git filter-repo --path config/.env --invert-paths", "destructive", "filter-repo"],
    ["gcloud secrets versions destroy 3 --secret=<name>", "destructive", "destroy"],
    ["DROP TABLE staging.customer_export;", "destructive", "drop"],
    ["aws s3 rm s3://<bucket-name>/exports --recursive", "destructive", "rm"],
    ["git push --force origin main", "destructive", "--force"],
    ["aws s3 sync ./site s3://<bucket-name>/ --delete", "destructive", "--delete"],
    ["mirror ./out <target> --purge=true", "destructive", "--purge"],
  ])("`%s` %s, because of %s", (code, effect, because) => {
    expect(guessCommandEffect(code)).toEqual({ effect, because });
  });

  it("takes a command without a verb it knows for one that changes something, and names no reason", () => {
    expect(guessCommandEffect("snowsql -a <account_identifier> -u <username>")).toEqual({ effect: "changes", because: undefined });
  });

  it("reads verbs inside options as settings, not actions", () => {
    expect(guessCommandEffect("az storage account show --name x --delete-retention-days 7").effect).toBe("reads");
    expect(guessCommandEffect("tool --list-all").effect).toBe("changes");
  });
});
