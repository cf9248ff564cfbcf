#!/usr/bin/env python3
"""Conformance of the Redoubt sandbox with the AWS CLI (v1, botocore's current service models).

Starts `java -jar target/redoubt.jar sandbox --estate ESTATE --port 0 --as-captured` on the Northwind
demo (or the estate given), then drives the AWS CLI through every read operation the sandbox serves,
for every account and region, and checks each answer against the estate file. Also drives the
device-code sign-in (sso-oidc and sso) and a few refusals. Exit status 0 when every check passes.

  python3 src/test/conformance/cli-conformance.py [--jar target/redoubt.jar] [--estate FILE]
                                                  [--subprocess] [--verbose]

By default the CLI runs in this process (awscli.clidriver, what `python3 -m awscli` runs) for
speed; --subprocess spawns `python3 -m awscli` for every call instead.
"""
import argparse
import contextlib
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request


class Conformance:
    def __init__(self, args):
        self.args = args
        self.checks = 0
        self.failures = []
        self.drivers = {}
        self.endpoint = None
        self.creds = {}

    # ------------------------------------------------------------------ plumbing

    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failures.append(what)
            print("FAIL " + what, file=sys.stderr)
        elif self.args.verbose:
            print("ok   " + what)

    def env_for(self, account, role):
        key, secret = self.creds[(account, role)]
        env = dict(os.environ)
        env.update(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret, AWS_EC2_METADATA_DISABLED="true",
                   AWS_CONFIG_FILE=self.config, AWS_SHARED_CREDENTIALS_FILE=os.devnull, AWS_MAX_ATTEMPTS="2",
                   AWS_PAGER="")
        env.pop("AWS_SESSION_TOKEN", None)
        env.pop("AWS_PROFILE", None)
        env.pop("AWS_ENDPOINT_URL", None)
        return env

    def cli(self, who, region, *argv, error=None):
        """Runs one CLI command as (account, role) or anonymously (who=None); returns its JSON or, when error is
        given, checks that it failed with that error code and returns None."""
        argv = list(argv) + ["--endpoint-url", self.endpoint, "--region", region, "--output", "json"]
        env = self.env_for(*who) if who else self.anonymous_env()
        if self.args.subprocess:
            p = subprocess.run([sys.executable, "-m", "awscli"] + argv, env=env, capture_output=True, text=True, timeout=120)
            rc, out, err = p.returncode, p.stdout, p.stderr
        else:
            rc, out, err = self.in_process(who, env, argv)
        label = " ".join(str(a) for a in argv[:4] if not str(a).startswith("arn:")) + " as " + (who[1] + "@" + who[0] if who else "anonymous")
        if error:
            self.check(rc != 0 and ("(" + error + ")") in err, label + " refused with " + error + " (got rc=%d %s)" % (rc, err.strip()[:160]))
            return None
        if rc != 0:
            self.check(False, label + ": rc=%d %s" % (rc, err.strip()[:300]))
            return {}
        return json.loads(out) if out.strip() else {}

    def anonymous_env(self):
        env = dict(os.environ)
        for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL"):
            env.pop(k, None)
        env.update(AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE=self.config, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        return env

    def in_process(self, who, env, argv):
        from awscli.clidriver import create_clidriver
        key = who or ("anonymous",)
        saved = dict(os.environ)
        try:
            os.environ.clear()
            os.environ.update(env)
            driver = self.drivers.get(key)
            if driver is None:
                driver = self.drivers[key] = create_clidriver()
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    rc = driver.main(argv)
                except SystemExit as e:
                    rc = e.code if isinstance(e.code, int) else 255
            return rc, out.getvalue(), err.getvalue()
        finally:
            os.environ.clear()
            os.environ.update(saved)

    @staticmethod
    def instant(v):
        if v is None:
            return None
        if isinstance(v, (int, float)):
            return round(float(v), 3)
        s = str(v).replace("Z", "+00:00")
        return round(datetime.datetime.fromisoformat(s).timestamp(), 3)

    def same_time(self, served, estate, what):
        self.check(self.instant(served) == self.instant(estate), what + ": %s == %s" % (served, estate))

    # ------------------------------------------------------------------ sandbox

    def start(self):
        jar = self.args.jar
        if not os.path.exists(jar):
            sys.exit("conformance: %s not found; build it with ./mvnw -B package" % jar)
        estate = self.args.estate
        if estate is None:
            estate = os.path.join(self.tmp, "northwind.json")
            subprocess.run(["java", "-jar", jar, "estate", "demo", "--out", estate], check=True, capture_output=True)
        with open(estate) as f:
            self.estate = json.load(f)
        self.process = subprocess.Popen(["java", "-jar", jar, "sandbox", "--estate", estate, "--port", "0", "--as-captured"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = []
        deadline = time.time() + 90
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("Press Ctrl+C"):
                break
        text = "".join(lines)
        m = re.search(r"^Sandbox listening on (http://127\.0\.0\.1:\d+)$", text, re.M)
        if not m:
            self.stop()
            sys.exit("conformance: the sandbox did not start:\n" + text + self.process.stderr.read())
        self.endpoint = m.group(1)
        for row in re.finditer(r"^\s+(\d{12})\s+.*?\s+(\S+)\s+(read-only|operator)\s+(AKIA[A-Z2-7]{16})\s+(\S{40})$", text, re.M):
            self.creds[(row.group(1), row.group(2))] = (row.group(4), row.group(5))
        self.check(len(self.creds) > 0, "the sandbox printed a credentials table")
        self.check("Regions: " in text, "the sandbox printed its regions")

    def stop(self):
        if getattr(self, "process", None) and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    # ------------------------------------------------------------------ checks

    def reader(self, account):
        for (a, role), _ in self.creds.items():
            if a == account and any(r.get("RoleName") == role and r.get("Access") == "read-only"
                                    for r in self.account(account).get("Roles", [])):
                return (a, role)
        return (account, "AuditReadOnly")

    def account(self, account_id):
        return next(a for a in self.estate["Accounts"] if a["Id"] == account_id)

    def run(self):
        org = self.estate.get("Organization") or {}
        for account in self.estate["Accounts"]:
            who = self.reader(account["Id"])
            ident = self.cli(who, "us-east-1", "sts", "get-caller-identity")
            self.check(ident.get("Account") == account["Id"], "sts get-caller-identity names account " + account["Id"])
            regions = self.cli(who, "us-east-1", "account", "list-regions")
            self.check(sorted(r["RegionName"] for r in regions.get("Regions", [])) == sorted(account.get("Regions", {})),
                       "account list-regions for " + account["Id"])
            described = self.cli(who, "us-east-1", "organizations", "describe-organization")
            self.check(described.get("Organization", {}).get("Id") == org.get("Id"), "organizations describe-organization")
            for region, cell in account.get("Regions", {}).items():
                self.region(who, account, region, cell)
        self.organizations(org)
        self.identities()
        self.sign_in()
        self.refusals()
        self.restores()
        self.restore_access()

    def region(self, who, account, region, cell):
        where = "%s/%s" % (account["Id"], region)
        vaults = cell.get("BackupVaults", [])
        listed = self.cli(who, region, "backup", "list-backup-vaults", "--page-size", "2").get("BackupVaultList", [])
        self.check(sorted(v["BackupVaultName"] for v in listed) == sorted(v["BackupVaultName"] for v in vaults),
                   "backup list-backup-vaults " + where)
        for vault in vaults:
            self.vault(who, region, vault, where)
        self.plans(who, region, cell, where)
        self.restore_testing(who, region, cell, where)
        self.jobs_and_audit(who, region, cell, where)
        self.kms(who, region, cell, where)
        self.mpa(who, region, cell, where)

    def vault(self, who, region, vault, where):
        name = vault["BackupVaultName"]
        at = where + " " + name
        d = self.cli(who, region, "backup", "describe-backup-vault", "--backup-vault-name", name)
        for member in ("BackupVaultArn", "VaultType", "EncryptionKeyArn", "Locked", "MinRetentionDays", "MaxRetentionDays",
                       "NumberOfRecoveryPoints", "MpaApprovalTeamArn", "SourceBackupVaultArn"):
            if member in vault:
                self.check(d.get(member) == vault[member], "backup describe-backup-vault %s %s" % (at, member))
        for member in ("CreationDate", "LockDate"):
            if member in vault:
                self.same_time(d.get(member), vault[member], "backup describe-backup-vault %s %s" % (at, member))
        if vault.get("AccessPolicy") is None:
            self.cli(who, region, "backup", "get-backup-vault-access-policy", "--backup-vault-name", name, error="ResourceNotFoundException")
        else:
            p = self.cli(who, region, "backup", "get-backup-vault-access-policy", "--backup-vault-name", name)
            self.check(p.get("Policy") == vault["AccessPolicy"], "backup get-backup-vault-access-policy " + at)
        if vault.get("Notifications") is None:
            self.cli(who, region, "backup", "get-backup-vault-notifications", "--backup-vault-name", name, error="ResourceNotFoundException")
        else:
            n = self.cli(who, region, "backup", "get-backup-vault-notifications", "--backup-vault-name", name)
            self.check(n.get("SNSTopicArn") == vault["Notifications"].get("SNSTopicArn")
                       and n.get("BackupVaultEvents") == vault["Notifications"].get("BackupVaultEvents"),
                       "backup get-backup-vault-notifications " + at)
        tags = self.cli(who, region, "backup", "list-tags", "--resource-arn", vault["BackupVaultArn"])
        self.check(tags.get("Tags", {}) == vault.get("Tags", {}), "backup list-tags " + at)
        points = vault.get("RecoveryPoints", [])
        served = self.cli(who, region, "backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", name,
                          "--page-size", "100").get("RecoveryPoints", [])
        by_arn = {p["RecoveryPointArn"]: p for p in served}
        self.check(sorted(by_arn) == sorted(p["RecoveryPointArn"] for p in points),
                   "backup list-recovery-points-by-backup-vault %s (%d points, paged by 100)" % (at, len(points)))
        mismatched = [p["RecoveryPointArn"] for p in points if p["RecoveryPointArn"] in by_arn and not self.same_point(by_arn[p["RecoveryPointArn"]], p)]
        self.check(not mismatched, "recovery point members equal the estate's in %s %s" % (at, mismatched[:1]))
        if points:
            kinds = sorted({p.get("ResourceType") for p in points})
            filtered = self.cli(who, region, "backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", name,
                                "--by-resource-type", kinds[0]).get("RecoveryPoints", [])
            self.check(len(filtered) == sum(1 for p in points if p.get("ResourceType") == kinds[0]),
                       "backup list-recovery-points-by-backup-vault %s --by-resource-type %s" % (at, kinds[0]))
            for p in points[:2]:
                arn = p["RecoveryPointArn"]
                rp = self.cli(who, region, "backup", "describe-recovery-point", "--backup-vault-name", name, "--recovery-point-arn", arn)
                self.check(rp.get("ResourceArn") == p.get("ResourceArn") and rp.get("Status") == p.get("Status"),
                           "backup describe-recovery-point " + at)
                meta = self.cli(who, region, "backup", "get-recovery-point-restore-metadata", "--backup-vault-name", name,
                                "--recovery-point-arn", arn)
                self.check(meta.get("ResourceType") == p.get("ResourceType") and meta.get("RestoreMetadata"),
                           "backup get-recovery-point-restore-metadata " + at)
                inferred = self.cli(who, region, "backup", "get-restore-testing-inferred-metadata", "--backup-vault-name", name,
                                    "--recovery-point-arn", arn)
                self.check("InferredMetadata" in inferred, "backup get-restore-testing-inferred-metadata " + at)
        if vault.get("VaultType") == "LOGICALLY_AIR_GAPPED_BACKUP_VAULT":
            ra = self.cli(who, region, "backup", "list-restore-access-backup-vaults", "--backup-vault-name", name)
            self.check(sorted(r["RestoreAccessBackupVaultArn"] for r in ra.get("RestoreAccessBackupVaults", []))
                       == sorted(r["RestoreAccessBackupVaultArn"] for r in vault.get("RestoreAccessBackupVaults", [])),
                       "backup list-restore-access-backup-vaults " + at)

    def same_point(self, served, p):
        for member in ("ResourceArn", "ResourceType", "Status", "BackupSizeInBytes", "EncryptionKeyArn", "IsEncrypted", "ResourceName",
                       "VaultType", "IamRoleArn"):
            if member in p and served.get(member) != p[member]:
                return False
        for member in ("CreationDate", "CompletionDate"):
            if member in p and self.instant(served.get(member)) != self.instant(p[member]):
                return False
        if "Lifecycle" in p and served.get("Lifecycle") != p["Lifecycle"]:
            return False
        return True

    def plans(self, who, region, cell, where):
        plans = cell.get("BackupPlans", [])
        listed = self.cli(who, region, "backup", "list-backup-plans").get("BackupPlansList", [])
        self.check(sorted(p["BackupPlanId"] for p in listed) == sorted(p["BackupPlanId"] for p in plans if "DeletionDate" not in p),
                   "backup list-backup-plans " + where)
        for plan in plans:
            got = self.cli(who, region, "backup", "get-backup-plan", "--backup-plan-id", plan["BackupPlanId"])
            self.check(got.get("BackupPlan", {}).get("BackupPlanName") == plan["BackupPlan"]["BackupPlanName"]
                       and len(got["BackupPlan"].get("Rules", [])) == len(plan["BackupPlan"].get("Rules", [])),
                       "backup get-backup-plan " + where)
            sels = self.cli(who, region, "backup", "list-backup-selections", "--backup-plan-id", plan["BackupPlanId"]).get("BackupSelectionsList", [])
            self.check(sorted(s["SelectionId"] for s in sels) == sorted(s["SelectionId"] for s in plan.get("Selections", [])),
                       "backup list-backup-selections " + where)
            for s in plan.get("Selections", [])[:2]:
                got = self.cli(who, region, "backup", "get-backup-selection", "--backup-plan-id", plan["BackupPlanId"], "--selection-id", s["SelectionId"])
                self.check(got.get("BackupSelection", {}).get("SelectionName") == s["BackupSelection"]["SelectionName"],
                           "backup get-backup-selection " + where)
        resources = cell.get("ProtectedResources", [])
        listed = self.cli(who, region, "backup", "list-protected-resources").get("Results", [])
        self.check(sorted(r["ResourceArn"] for r in listed) == sorted(r["ResourceArn"] for r in resources), "backup list-protected-resources " + where)
        for r in resources[:2]:
            got = self.cli(who, region, "backup", "describe-protected-resource", "--resource-arn", r["ResourceArn"])
            self.check(got.get("ResourceType") == r.get("ResourceType"), "backup describe-protected-resource " + where)

    def restore_testing(self, who, region, cell, where):
        plans = cell.get("RestoreTestingPlans", [])
        listed = self.cli(who, region, "backup", "list-restore-testing-plans").get("RestoreTestingPlans", [])
        self.check(sorted(p["RestoreTestingPlanName"] for p in listed) == sorted(p["RestoreTestingPlanName"] for p in plans),
                   "backup list-restore-testing-plans " + where)
        for plan in plans:
            name = plan["RestoreTestingPlanName"]
            got = self.cli(who, region, "backup", "get-restore-testing-plan", "--restore-testing-plan-name", name)
            self.check(got.get("RestoreTestingPlan", {}).get("ScheduleExpression") == plan.get("ScheduleExpression"),
                       "backup get-restore-testing-plan " + where)
            sels = self.cli(who, region, "backup", "list-restore-testing-selections", "--restore-testing-plan-name", name)
            self.check(sorted(s["RestoreTestingSelectionName"] for s in sels.get("RestoreTestingSelections", []))
                       == sorted(s["RestoreTestingSelectionName"] for s in plan.get("Selections", [])),
                       "backup list-restore-testing-selections " + where)
            for s in plan.get("Selections", [])[:1]:
                got = self.cli(who, region, "backup", "get-restore-testing-selection", "--restore-testing-plan-name", name,
                               "--restore-testing-selection-name", s["RestoreTestingSelectionName"])
                self.check(got.get("RestoreTestingSelection", {}).get("ProtectedResourceType") == s.get("ProtectedResourceType"),
                           "backup get-restore-testing-selection " + where)

    def jobs_and_audit(self, who, region, cell, where):
        jobs = cell.get("RestoreJobs", [])
        listed = self.cli(who, region, "backup", "list-restore-jobs").get("RestoreJobs", [])
        self.check(sorted(j["RestoreJobId"] for j in listed) == sorted(j["RestoreJobId"] for j in jobs), "backup list-restore-jobs " + where)
        for j in jobs[:2]:
            got = self.cli(who, region, "backup", "describe-restore-job", "--restore-job-id", j["RestoreJobId"])
            self.check(got.get("Status") == j.get("Status"), "backup describe-restore-job " + where)
        copies = self.cli(who, region, "backup", "list-copy-jobs").get("CopyJobs", [])
        self.check(sorted(j["CopyJobId"] for j in copies) == sorted(j["CopyJobId"] for j in cell.get("CopyJobs", [])), "backup list-copy-jobs " + where)
        holds = cell.get("LegalHolds", [])
        listed = self.cli(who, region, "backup", "list-legal-holds").get("LegalHolds", [])
        self.check(sorted(h["LegalHoldId"] for h in listed) == sorted(h["LegalHoldId"] for h in holds), "backup list-legal-holds " + where)
        for h in holds[:1]:
            got = self.cli(who, region, "backup", "get-legal-hold", "--legal-hold-id", h["LegalHoldId"])
            self.check(got.get("Title") == h.get("Title"), "backup get-legal-hold " + where)
        frameworks = cell.get("Frameworks", [])
        listed = self.cli(who, region, "backup", "list-frameworks").get("Frameworks", [])
        self.check(sorted(f["FrameworkName"] for f in listed) == sorted(f["FrameworkName"] for f in frameworks), "backup list-frameworks " + where)
        for f in frameworks[:1]:
            got = self.cli(who, region, "backup", "describe-framework", "--framework-name", f["FrameworkName"])
            self.check(len(got.get("FrameworkControls", [])) == len(f.get("FrameworkControls", [])), "backup describe-framework " + where)
        reports = self.cli(who, region, "backup", "list-report-plans").get("ReportPlans", [])
        self.check(sorted(r["ReportPlanName"] for r in reports) == sorted(r["ReportPlanName"] for r in cell.get("ReportPlans", [])),
                   "backup list-report-plans " + where)
        if cell.get("GlobalSettings") is not None:
            got = self.cli(who, region, "backup", "describe-global-settings")
            self.check(got.get("GlobalSettings") == cell["GlobalSettings"], "backup describe-global-settings " + where)
        else:
            self.cli(who, region, "backup", "describe-global-settings", error="InvalidRequestException")

    def kms(self, who, region, cell, where):
        keys = [k for k in cell.get("KmsKeys", []) if "KeyMetadata" in k]
        listed = self.cli(who, region, "kms", "list-keys", "--page-size", "2").get("Keys", [])
        self.check(sorted(k["KeyId"] for k in listed) == sorted(k["KeyMetadata"]["KeyId"] for k in keys), "kms list-keys " + where)
        aliases = self.cli(who, region, "kms", "list-aliases").get("Aliases", [])
        self.check(sorted(a["AliasName"] for a in aliases) == sorted(a["AliasName"] for k in keys for a in k.get("Aliases", [])),
                   "kms list-aliases " + where)
        for k in keys:
            md = k["KeyMetadata"]
            got = self.cli(who, region, "kms", "describe-key", "--key-id", md["Arn"]).get("KeyMetadata", {})
            self.check(got.get("KeyState") == md.get("KeyState") and got.get("KeyManager") == md.get("KeyManager"),
                       "kms describe-key " + where)
            if "Policy" in k:
                pol = self.cli(who, region, "kms", "get-key-policy", "--key-id", md["KeyId"], "--policy-name", "default")
                self.check(pol.get("Policy") == k["Policy"], "kms get-key-policy " + where)
            # AWS: "While a KMS key is pending deletion, its key rotation status is false"
            rot = self.cli(who, region, "kms", "get-key-rotation-status", "--key-id", md["KeyId"])
            self.check(rot.get("KeyRotationEnabled") == (bool(k.get("KeyRotationEnabled")) and md.get("KeyState") != "PendingDeletion"),
                       "kms get-key-rotation-status " + where)
            grants = self.cli(who, region, "kms", "list-grants", "--key-id", md["Arn"]).get("Grants", [])
            self.check(sorted(g["GrantId"] for g in grants) == sorted(g["GrantId"] for g in k.get("Grants", [])), "kms list-grants " + where)
            tags = self.cli(who, region, "kms", "list-resource-tags", "--key-id", md["KeyId"]).get("Tags", [])
            self.check({t["TagKey"]: t["TagValue"] for t in tags} == k.get("Tags", {}), "kms list-resource-tags " + where)

    def mpa(self, who, region, cell, where):
        teams = cell.get("MpaApprovalTeams", [])
        listed = self.cli(who, region, "mpa", "list-approval-teams").get("ApprovalTeams", [])
        self.check(sorted(t["Arn"] for t in listed) == sorted(t["Arn"] for t in teams), "mpa list-approval-teams " + where)
        sessions = cell.get("MpaSessions", [])
        for t in teams:
            got = self.cli(who, region, "mpa", "get-approval-team", "--arn", t["Arn"])
            self.check(got.get("Name") == t.get("Name") and len(got.get("Approvers", [])) == len(t.get("Approvers", [])),
                       "mpa get-approval-team " + where)
            listed = self.cli(who, region, "mpa", "list-sessions", "--approval-team-arn", t["Arn"]).get("Sessions", [])
            self.check(sorted(s["SessionArn"] for s in listed) == sorted(s["SessionArn"] for s in sessions if s.get("ApprovalTeamArn") == t["Arn"]),
                       "mpa list-sessions " + where)
        for s in sessions[:2]:
            got = self.cli(who, region, "mpa", "get-session", "--session-arn", s["SessionArn"])
            self.check(got.get("Status") == s.get("Status"), "mpa get-session " + where)
            self.same_time(got.get("InitiationTime"), s.get("InitiationTime"), "mpa get-session InitiationTime " + where)

    def identities(self):
        """An approver's name, as a scan reads it: mpa get-identity-source, sso-admin describe-instance, identitystore
        describe-user, each as the identity source's owner; an unknown user, a malformed store ID and another account refused."""
        users = {u["UserId"]: u for u in self.estate.get("SsoUsers", [])}
        sources = {}
        for account in self.estate["Accounts"]:
            for region, cell in account.get("Regions", {}).items():
                for t in cell.get("MpaApprovalTeams", []):
                    for a in t.get("Approvers", []):
                        if a.get("PrimaryIdentitySourceArn", "").split(":")[2:3] == ["mpa"]:
                            sources.setdefault(a["PrimaryIdentitySourceArn"], set()).add(a.get("PrimaryIdentityId"))
        for arn, ids in sorted(sources.items()):
            region, owner = arn.split(":")[3], arn.split(":")[4]
            if not any(a["Id"] == owner for a in self.estate["Accounts"]):
                continue
            who = self.reader(owner)
            got = self.cli(who, region, "mpa", "get-identity-source", "--identity-source-arn", arn)
            center = got.get("IdentitySourceParameters", {}).get("IamIdentityCenter", {})
            self.check(got.get("IdentitySourceType") == "IAM_IDENTITY_CENTER" and center.get("InstanceArn", "").startswith("arn:aws:sso:::instance/"),
                       "mpa get-identity-source names an IAM Identity Center instance")
            if not center.get("InstanceArn"):
                continue
            store_region = center.get("Region", region)
            instance = self.cli(who, store_region, "sso-admin", "describe-instance", "--instance-arn", center["InstanceArn"])
            store = instance.get("IdentityStoreId", "")
            self.check(re.fullmatch(r"d-[0-9a-f]{10}", store) is not None and instance.get("OwnerAccountId") == owner,
                       "sso-admin describe-instance names its identity store (%s)" % store)
            for user_id in sorted(i for i in ids if i in users):
                u = self.cli(who, store_region, "identitystore", "describe-user", "--identity-store-id", store, "--user-id", user_id)
                self.check(u.get("UserName") == users[user_id].get("UserName") and u.get("IdentityStoreId") == store,
                           "identitystore describe-user %s is %s" % (user_id, users[user_id].get("UserName")))
                self.check("Password" not in u, "identitystore describe-user tells no password")
            self.cli(who, store_region, "identitystore", "describe-user", "--identity-store-id", store,
                     "--user-id", "906745d6a8-1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6", error="ResourceNotFoundException")
            self.cli(who, store_region, "identitystore", "describe-user", "--identity-store-id", "northwind",
                     "--user-id", sorted(ids)[0], error="ValidationException")
            other = next((a["Id"] for a in self.estate["Accounts"] if a["Id"] != owner), None)
            if other:
                self.cli(self.reader(other), store_region, "identitystore", "describe-user", "--identity-store-id", store,
                         "--user-id", sorted(ids)[0], error="AccessDeniedException")

    def organizations(self, org):
        mgmt = org.get("MasterAccountId")
        if not mgmt or not any(a["Id"] == mgmt for a in self.estate["Accounts"]):
            return
        who = self.reader(mgmt)
        accounts = self.cli(who, "us-east-1", "organizations", "list-accounts", "--page-size", "3").get("Accounts", [])
        self.check(sorted(a["Id"] for a in accounts) == sorted(a["Id"] for a in self.estate["Accounts"]), "organizations list-accounts")
        roots = self.cli(who, "us-east-1", "organizations", "list-roots").get("Roots", [])
        self.check(len(roots) == 1, "organizations list-roots")
        root = roots[0]["Id"] if roots else None
        for a in self.estate["Accounts"]:
            path, child = [], a["Id"]
            for _ in range(10):
                parents = self.cli(who, "us-east-1", "organizations", "list-parents", "--child-id", child).get("Parents", [])
                if not parents or parents[0]["Id"] == root:
                    break
                ou = self.cli(who, "us-east-1", "organizations", "describe-organizational-unit", "--organizational-unit-id", parents[0]["Id"])
                path.insert(0, ou.get("OrganizationalUnit", {}).get("Name"))
                child = parents[0]["Id"]
            self.check("/".join(path) == a.get("OrganizationalUnit", ""), "organizations OU path of %s is %r" % (a["Id"], a.get("OrganizationalUnit")))
        other = next((a["Id"] for a in self.estate["Accounts"] if a["Id"] != mgmt), None)
        if other:
            self.cli(self.reader(other), "us-east-1", "organizations", "list-accounts", error="AccessDeniedException")

    def sign_in(self):
        users = self.estate.get("SsoUsers") or []
        if not users:
            return
        user = users[0]
        region = "us-east-1"
        client = self.cli(None, region, "sso-oidc", "register-client", "--client-name", "conformance", "--client-type", "public")
        if "clientId" not in client:
            return
        device = self.cli(None, region, "sso-oidc", "start-device-authorization", "--client-id=" + client["clientId"],
                          "--client-secret=" + client["clientSecret"], "--start-url", self.endpoint + "/start")
        if "deviceCode" not in device:
            return
        token_args = ("sso-oidc", "create-token", "--client-id=" + client["clientId"], "--client-secret=" + client["clientSecret"],
                      "--grant-type", "urn:ietf:params:oauth:grant-type:device_code", "--device-code=" + device["deviceCode"])
        self.cli(None, region, *token_args, error="AuthorizationPendingException")
        form = urllib.parse.urlencode({"user_code": device["userCode"], "username": user["UserName"], "password": user.get("Password", ""),
                                       "decision": "approve"}).encode()
        with urllib.request.urlopen(urllib.request.Request(self.endpoint + "/device", data=form), timeout=10) as page:
            self.check(page.status == 200 and "Signed in as" in page.read().decode(), "the device page approves the code")
        token = self.cli(None, region, *token_args).get("accessToken")
        self.check(bool(token), "sso-oidc create-token after approval")
        if not token:
            return
        assigned = {(a["AccountId"], a["RoleName"]) for a in user.get("Assignments", [])}
        accounts = self.cli(None, region, "sso", "list-accounts", "--access-token=" + token).get("accountList", [])
        self.check(sorted(a["accountId"] for a in accounts) == sorted({a for a, _ in assigned}), "sso list-accounts for " + user["UserName"])
        account, role = sorted(assigned)[0]
        roles = self.cli(None, region, "sso", "list-account-roles", "--access-token=" + token, "--account-id", account).get("roleList", [])
        self.check(sorted(r["roleName"] for r in roles) == sorted(r for a, r in assigned if a == account), "sso list-account-roles")
        creds = self.cli(None, region, "sso", "get-role-credentials", "--access-token=" + token, "--account-id", account,
                         "--role-name", role).get("roleCredentials", {})
        self.check(creds.get("accessKeyId", "").startswith("ASIA"), "sso get-role-credentials")

    def refusals(self):
        some = next(iter(self.creds))
        self.cli(some, "eu-west-1", "backup", "describe-backup-vault", "--backup-vault-name", "no-such-vault", error="ResourceNotFoundException")
        self.cli(some, "eu-west-1", "backup", "list-backup-vaults", "--max-results", "1001", error="ValidationException")
        readonly = next(k for k in self.creds if any(r.get("RoleName") == k[1] and r.get("Access") == "read-only"
                                                      for r in self.account(k[0]).get("Roles", [])))
        self.cli(readonly, "eu-west-1", "backup", "start-restore-job", "--recovery-point-arn", "arn:aws:backup:eu-west-1:%s:recovery-point:x" % readonly[0],
                 "--metadata", "a=b", error="AccessDeniedException")
        saved = self.creds[some]
        self.creds[("bad", "key")] = ("AKIAAAAAAAAAAAAAAAAA", saved[1])
        self.cli(("bad", "key"), "eu-west-1", "backup", "list-backup-vaults", error="UnrecognizedClientException")
        self.cli(("bad", "key"), "eu-west-1", "sts", "get-caller-identity", error="InvalidClientTokenId")
        self.creds[("bad", "secret")] = (saved[0], "x" * 40)
        self.cli(("bad", "secret"), "eu-west-1", "kms", "list-keys", error="SignatureDoesNotMatch")

    # ------------------------------------------------------------------ restores (writes, on the sandbox's clock)

    def operator(self, account):
        for (a, role) in self.creds:
            if a == account and any(r.get("RoleName") == role and r.get("Access") == "operator" for r in self.account(account).get("Roles", [])):
                return (a, role)
        return None

    def advance_clock(self, seconds):
        request = urllib.request.Request(self.endpoint + "/_sandbox/clock/advance?seconds=%d" % seconds, data=b"{}", method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read().decode() or "{}")

    def points(self, predicate):
        """(account, region, vault name, point) of the estate's recovery points that satisfy predicate(account, region, vault, point)."""
        out = []
        for account in self.estate["Accounts"]:
            for region, cell in account.get("Regions", {}).items():
                keys = {k["KeyMetadata"]["Arn"]: k["KeyMetadata"] for k in cell.get("KmsKeys", []) if "KeyMetadata" in k}
                for vault in cell.get("BackupVaults", []):
                    for p in vault.get("RecoveryPoints", []):
                        if predicate(account, keys, vault, p):
                            out.append((account["Id"], region, vault["BackupVaultName"], p))
        return out

    def restores(self):
        """StartRestoreJob, DescribeRestoreJob on the sandbox's clock, restore metadata, validation results, and the failures AWS
        gives (a disabled key, a role AWS Backup cannot assume, a read-only role)."""
        def usable(account, keys, vault, p):
            key = keys.get(p.get("EncryptionKeyArn"))
            return (p.get("Status") == "COMPLETED" and p.get("IamRoleArn") and vault.get("VaultType", "BACKUP_VAULT") == "BACKUP_VAULT"
                    and (key is None or key.get("KeyState") == "Enabled") and self.operator(account["Id"]) is not None)
        good = sorted(self.points(lambda a, k, v, p: usable(a, k, v, p) and p.get("ResourceType") == "RDS"),
                      key=lambda f: str(f[3].get("CreationDate")))
        self.check(bool(good), "the estate has an RDS recovery point to restore")
        if not good:
            return
        account, region, vault, point = good[-1]
        who = self.operator(account)
        arn = point["RecoveryPointArn"]
        meta = self.cli(who, region, "backup", "get-recovery-point-restore-metadata", "--backup-vault-name", vault, "--recovery-point-arn", arn)
        self.check({"DBInstanceIdentifier", "DBInstanceClass", "Engine"} <= set(meta.get("RestoreMetadata", {})),
                   "backup get-recovery-point-restore-metadata of an RDS point has RDS's keys")
        inferred = self.cli(who, region, "backup", "get-restore-testing-inferred-metadata", "--backup-vault-name", vault,
                            "--recovery-point-arn", arn).get("InferredMetadata", {})
        self.check(str(inferred.get("dbInstanceIdentifier", "")).startswith("awsbackup-restore-test-") and inferred.get("multiAz") == "false",
                   "backup get-restore-testing-inferred-metadata infers an RDS instance as AWS's table says (%s)" % inferred)
        started = self.cli(who, region, "backup", "start-restore-job", "--recovery-point-arn", arn, "--iam-role-arn", point["IamRoleArn"],
                           "--metadata", "DBInstanceIdentifier=redoubt-drill-conformance", "--idempotency-token", "conformance-1")
        job = started.get("RestoreJobId")
        self.check(bool(job), "backup start-restore-job")
        again = self.cli(who, region, "backup", "start-restore-job", "--recovery-point-arn", arn, "--iam-role-arn", point["IamRoleArn"],
                         "--metadata", "DBInstanceIdentifier=redoubt-drill-conformance", "--idempotency-token", "conformance-1")
        self.check(again.get("RestoreJobId") == job, "backup start-restore-job with the same idempotency token starts nothing new")
        pending = self.cli(who, region, "backup", "describe-restore-job", "--restore-job-id", job)
        self.check(pending.get("Status") == "PENDING" and pending.get("RecoveryPointArn") == arn and pending.get("IamRoleArn") == point["IamRoleArn"],
                   "backup describe-restore-job of a started job: PENDING (%s)" % pending.get("Status"))
        unknown_role = "arn:aws:iam::%s:role/conformance-no-such-role" % account
        refused_role = self.cli(who, region, "backup", "start-restore-job", "--recovery-point-arn", arn, "--iam-role-arn", unknown_role,
                                "--metadata", "DBInstanceIdentifier=redoubt-drill-conformance-2").get("RestoreJobId")
        disabled = self.points(lambda a, k, v, p: p.get("Status") == "COMPLETED" and p.get("IamRoleArn")
                               and (k.get(p.get("EncryptionKeyArn")) or {}).get("KeyState") == "Disabled" and self.operator(a["Id"]))
        self.check(bool(disabled), "the estate has a recovery point under a disabled key")
        disabled_job = None
        if disabled:
            d_account, d_region, _, d_point = disabled[0]
            disabled_job = (self.operator(d_account), d_region, self.cli(self.operator(d_account), d_region, "backup", "start-restore-job",
                                                                        "--recovery-point-arn", d_point["RecoveryPointArn"], "--iam-role-arn",
                                                                        d_point["IamRoleArn"], "--metadata", "a=b").get("RestoreJobId"))
        self.advance_clock(2 * 3600)
        done = self.cli(who, region, "backup", "describe-restore-job", "--restore-job-id", job)
        self.check(done.get("Status") == "COMPLETED" and done.get("PercentDone") == "100.00%"
                   and str(done.get("CreatedResourceArn", "")).endswith(":db:redoubt-drill-conformance"),
                   "backup describe-restore-job after the clock moved: COMPLETED with the created resource (%s)" % done.get("CreatedResourceArn"))
        failed = self.cli(who, region, "backup", "describe-restore-job", "--restore-job-id", refused_role)
        self.check(failed.get("Status") == "FAILED" and "cannot be assumed by AWS Backup" in failed.get("StatusMessage", ""),
                   "backup describe-restore-job of a job whose role AWS Backup cannot assume: FAILED (%s)" % failed.get("StatusMessage"))
        if disabled_job and disabled_job[2]:
            k = self.cli(disabled_job[0], disabled_job[1], "backup", "describe-restore-job", "--restore-job-id", disabled_job[2])
            self.check(k.get("Status") == "FAILED" and "DisabledException" in k.get("StatusMessage", ""),
                       "backup describe-restore-job of a restore under a disabled key: FAILED with KMS's reason (%s)" % k.get("StatusMessage"))
        self.cli(who, region, "backup", "put-restore-validation-result", "--restore-job-id", job, "--validation-status", "SUCCESSFUL",
                 error="InvalidRequestException")
        testing = [(a["Id"], r, j) for a in self.estate["Accounts"] for r, c in a.get("Regions", {}).items() for j in c.get("RestoreJobs", [])
                   if j.get("Status") == "COMPLETED" and (j.get("CreatedBy") or {}).get("RestoreTestingPlanArn") and self.operator(a["Id"])]
        self.check(bool(testing), "the estate has a completed restore testing job")
        if testing:
            t_account, t_region, t_job = testing[0]
            self.cli(self.reader(t_account), t_region, "backup", "put-restore-validation-result", "--restore-job-id", t_job["RestoreJobId"],
                     "--validation-status", "FAILED", error="AccessDeniedException")
            self.cli(self.operator(t_account), t_region, "backup", "put-restore-validation-result", "--restore-job-id", t_job["RestoreJobId"],
                     "--validation-status", "SUCCESSFUL", "--validation-status-message", "conformance")
            v = self.cli(self.operator(t_account), t_region, "backup", "describe-restore-job", "--restore-job-id", t_job["RestoreJobId"])
            self.check(v.get("ValidationStatus") == "SUCCESSFUL" and v.get("ValidationStatusMessage") == "conformance",
                       "backup put-restore-validation-result on a restore testing job, read back")

    def control(self, path, body):
        request = urllib.request.Request(self.endpoint + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read().decode() or "{}")

    def restore_access(self):
        """CreateRestoreAccessBackupVault opens an approval session that the team's approvers decide; once approved the
        restore-access vault lists the air-gapped vault's recovery points; RevokeRestoreAccessBackupVault opens its own
        session and, approved, closes the vault; a read-only role is refused."""
        lags = [(a["Id"], r, v, c) for a in self.estate["Accounts"] for r, c in a.get("Regions", {}).items()
                for v in c.get("BackupVaults", []) if v.get("VaultType") == "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"
                and v.get("MpaApprovalTeamArn") and self.operator(a["Id"])]
        self.check(bool(lags), "the estate has an air-gapped vault with an approval team")
        if not lags:
            return
        account, region, lag, cell = lags[0]
        who = self.operator(account)
        team = next((t for t in cell.get("MpaApprovalTeams", []) if t.get("Arn") == lag["MpaApprovalTeamArn"]), None)
        users = {u.get("UserId"): u.get("UserName") for u in self.estate.get("SsoUsers", [])}
        approvers = [users.get(a.get("PrimaryIdentityId")) for a in (team or {}).get("Approvers", [])]
        need = int(((team or {}).get("ApprovalStrategy") or {}).get("MofN", {}).get("MinApprovalsRequired", 1))
        self.check(team is not None and len([a for a in approvers if a]) >= need, "the air-gapped vault's team has %d named approvers" % need)
        self.cli(self.reader(account), region, "backup", "create-restore-access-backup-vault", "--source-backup-vault-arn",
                 lag["BackupVaultArn"], error="AccessDeniedException")
        made = self.cli(who, region, "backup", "create-restore-access-backup-vault", "--source-backup-vault-arn", lag["BackupVaultArn"],
                        "--requester-comment", "conformance")
        ra_arn, ra_name = made.get("RestoreAccessBackupVaultArn"), made.get("RestoreAccessBackupVaultName")
        self.check(made.get("VaultState") == "CREATING" and bool(ra_arn) and bool(ra_name),
                   "backup create-restore-access-backup-vault: CREATING (%s)" % made.get("VaultState"))
        if not ra_name:
            return
        vault = self.cli(who, region, "backup", "describe-backup-vault", "--backup-vault-name", ra_name)
        session = vault.get("MpaSessionArn")
        self.check(vault.get("VaultType") == "RESTORE_ACCESS_BACKUP_VAULT" and vault.get("SourceBackupVaultArn") == lag["BackupVaultArn"]
                   and bool(session), "backup describe-backup-vault of the restore-access vault names its source and session")
        pending = self.cli(who, region, "mpa", "get-session", "--session-arn", session)
        self.check(pending.get("Status") == "PENDING" and pending.get("RequesterComment") == "conformance"
                   and pending.get("ApprovalTeamArn") == lag["MpaApprovalTeamArn"],
                   "mpa get-session of the request: PENDING with the comment (%s)" % pending.get("Status"))
        self.cli(who, region, "backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", ra_name)  # allowed, lists nothing yet
        for user in [a for a in approvers if a][:need]:
            self.control("/_sandbox/sessions/approve", {"SessionArn": session, "UserName": user})
        approved = self.cli(who, region, "mpa", "get-session", "--session-arn", session)
        self.check(approved.get("Status") == "APPROVED", "mpa get-session after %d approvals: APPROVED (%s)" % (need, approved.get("Status")))
        opened = self.cli(who, region, "backup", "describe-backup-vault", "--backup-vault-name", ra_name)
        self.check(opened.get("VaultState") == "AVAILABLE", "backup describe-backup-vault once approved: AVAILABLE (%s)" % opened.get("VaultState"))
        listed = self.cli(who, region, "backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", ra_name).get("RecoveryPoints", [])
        own = sorted(p["RecoveryPointArn"] for p in lag.get("RecoveryPoints", []) if p.get("Status") == "COMPLETED")
        self.check(bool(own) and set(own) <= set(p["RecoveryPointArn"] for p in listed),
                   "backup list-recovery-points-by-backup-vault of the restore-access vault lists the air-gapped vault's points (%d of %d)"
                   % (len(listed), len(own)))
        grants = self.cli(who, region, "backup", "list-restore-access-backup-vaults", "--backup-vault-name", lag["BackupVaultName"])
        mine = [g for g in grants.get("RestoreAccessBackupVaults", []) if g.get("RestoreAccessBackupVaultArn") == ra_arn]
        self.check(len(mine) == 1 and mine[0].get("VaultState") == "AVAILABLE" and "ApprovalDate" in mine[0],
                   "backup list-restore-access-backup-vaults names the approved vault")
        self.cli(self.reader(account), region, "backup", "revoke-restore-access-backup-vault", "--backup-vault-name", lag["BackupVaultName"],
                 "--restore-access-backup-vault-arn", ra_arn, error="AccessDeniedException")
        self.cli(who, region, "backup", "revoke-restore-access-backup-vault", "--backup-vault-name", lag["BackupVaultName"],
                 "--restore-access-backup-vault-arn", ra_arn, "--requester-comment", "conformance done")
        grants = self.cli(who, region, "backup", "list-restore-access-backup-vaults", "--backup-vault-name", lag["BackupVaultName"])
        mine = [g for g in grants.get("RestoreAccessBackupVaults", []) if g.get("RestoreAccessBackupVaultArn") == ra_arn]
        revoke = (mine[0].get("LatestRevokeRequest") or {}) if mine else {}
        self.check(revoke.get("Status") == "PENDING" and bool(revoke.get("MpaSessionArn")),
                   "backup list-restore-access-backup-vaults: the revocation awaits approval (%s)" % revoke)
        if revoke.get("MpaSessionArn"):
            for user in [a for a in approvers if a][:need]:
                self.control("/_sandbox/sessions/approve", {"SessionArn": revoke["MpaSessionArn"], "UserName": user})
            grants = self.cli(who, region, "backup", "list-restore-access-backup-vaults", "--backup-vault-name", lag["BackupVaultName"])
            self.check(all(g.get("RestoreAccessBackupVaultArn") != ra_arn for g in grants.get("RestoreAccessBackupVaults", [])),
                       "backup list-restore-access-backup-vaults after the revocation is approved: the vault is gone")

    def main(self):
        try:
            import botocore.session
            services = botocore.session.get_session().get_available_services()
        except ImportError:
            services = []
        if "mpa" not in services or "backup" not in services:
            print("cli-conformance: %s has no AWS CLI v1 with current service models (mpa, backup); run it with the Python whose "
                  "`python3 -m awscli --version` says aws-cli/1.x" % sys.executable, file=sys.stderr)
            return 2
        if not self.args.subprocess:
            import awscli.clidriver  # noqa: F401  (importing awscli sets AWS_DATA_PATH, which every call's environment needs)
        with tempfile.TemporaryDirectory() as tmp:
            self.tmp = tmp
            # CLI v1 would fetch http:// parameter values (the SSO start URL) instead of passing them on
            self.config = os.path.join(tmp, "config")
            with open(self.config, "w") as f:
                f.write("[default]\ncli_follow_urlparam = false\n")
            started = time.time()
            try:
                self.start()
                self.run()
            except Exception:  # a crash of this script is a failed check, with its traceback
                import traceback
                traceback.print_exc()
                self.check(False, "the conformance run crashed")
            finally:
                self.stop()
            if self.failures and getattr(self, "process", None):
                print("sandbox's standard error:\n" + (self.process.stderr.read() or "(empty)"), file=sys.stderr)
            print("cli-conformance: %d checks, %d failed, %.0f s (AWS CLI %s, sandbox %s)" % (
                self.checks, len(self.failures), time.time() - started, self.cli_version(), self.endpoint))
            return 1 if self.failures else 0

    @staticmethod
    def cli_version():
        try:
            import awscli
            return awscli.__version__
        except ImportError:
            return "?"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "target", "redoubt.jar"))
    parser.add_argument("--estate", help="the estate to serve (default: the Northwind demo)")
    parser.add_argument("--subprocess", action="store_true", help="run `python3 -m awscli` for every call")
    parser.add_argument("--verbose", action="store_true")
    sys.exit(Conformance(parser.parse_args()).main())
