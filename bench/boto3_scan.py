#!/usr/bin/env python3
"""An independent boto3 scanner doing the same reads as `redoubt scan` (issue 16's yardstick).

It signs in with one profile, reads the organization (DescribeOrganization, ListAccounts, and the OU
path of each account scanned and of the signed-in one: ListParents up to the root, each OU described
once) alongside the accounts' own reads (for `--accounts all` after listing the accounts, which are
the ones to scan), assumes the same role into every account (or the ones named), lists each
account's enabled regions, and in every account and region
reads what Redoubt's scanner reads, paged the same way (MaxResults 1000, 20 for Organizations and
MPA, 100 for KMS): global settings; vaults (describe, access policy, notifications, tags, recovery
points); plans and their selections; protected resources, each described; restore testing plans
and selections; restore jobs, copy jobs, report plans, legal holds, frameworks; approval teams;
then every customer-managed KMS key the vaults and recovery points name (describe, policy,
rotation, aliases, grants, tags), read by the key's owner. Everything runs on one pool of THREADS
threads (page chains, per-item reads and accounts interleave), and the result is written as one
JSON file, so the script pays for building its output as Redoubt does.

Usage: AWS_CONFIG_FILE=... python3 bench/boto3_scan.py --profile P --role ROLE --accounts all|ID,...
           --threads 64 --out FILE
Needs python3 with boto3 (any recent version that knows the 'mpa' service); the endpoint comes
from the profile's endpoint_url.
"""
import argparse
import configparser
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
import botocore.config
import botocore.exceptions
import botocore.session

NOT_FOUND = {"ResourceNotFoundException", "NotFoundException"}


class Work:
    """A pool whose tasks may submit more tasks; wait() returns when none is queued or running."""

    def __init__(self, threads):
        self.pool = ThreadPoolExecutor(max_workers=threads)
        self.pending = 0
        self.cond = threading.Condition()
        self.errors = []

    def submit(self, fn, *args):
        with self.cond:
            self.pending += 1
        self.pool.submit(self._run, fn, args)

    def _run(self, fn, args):
        try:
            fn(*args)
        except Exception as e:  # recorded, as a scanner records a read error
            self.errors.append(f"{fn.__name__}: {e!r}")
        finally:
            with self.cond:
                self.pending -= 1
                if self.pending == 0:
                    self.cond.notify_all()

    def wait(self):
        with self.cond:
            while self.pending:
                self.cond.wait()


class Clients:
    """One botocore client per (credentials, service, region), built once and shared by the threads."""

    def __init__(self, endpoint, threads):
        self.endpoint = endpoint
        self.core = botocore.session.get_session()
        self.config = botocore.config.Config(max_pool_connections=threads, retries={"mode": "standard", "max_attempts": 10})
        self.cache = {}
        self.lock = threading.Lock()

    def get(self, creds, service, region):
        key = (creds["AccessKeyId"], service, region)
        with self.lock:  # botocore's session is not safe to build clients from concurrently
            c = self.cache.get(key)
            if c is None:
                c = self.core.create_client(service, region_name=region, endpoint_url=self.endpoint, config=self.config,
                                            aws_access_key_id=creds["AccessKeyId"],
                                            aws_secret_access_key=creds["SecretAccessKey"],
                                            aws_session_token=creds.get("SessionToken"))
                self.cache[key] = c
            return c


def pages(client, op, key, **kwargs):
    out = []
    for page in client.get_paginator(op).paginate(**kwargs):
        out.extend(page.get(key, []))
    return out


def token_pages(call, key, **kwargs):
    """For the operations botocore has no paginator for: the NextToken by hand, a call per page."""
    out, token = [], None
    while True:
        page = call(**kwargs, **({"NextToken": token} if token else {}))
        out.extend(page.get(key, []))
        token = page.get("NextToken")
        if not token:
            return out


def strip(resp):
    resp.pop("ResponseMetadata", None)
    return resp


def or_none_if_missing(fn):
    try:
        return fn()
    except botocore.exceptions.ClientError as e:
        if e.response.get("Error", {}).get("Code") in NOT_FOUND:
            return None
        raise


def profile_settings(profile):
    cfg = configparser.ConfigParser()
    cfg.read(os.environ.get("AWS_CONFIG_FILE", os.path.expanduser("~/.aws/config")))
    return cfg["profile " + profile] if profile != "default" else cfg["default"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", required=True)
    ap.add_argument("--role", default="AuditReadOnly")
    ap.add_argument("--accounts", default="all")
    ap.add_argument("--threads", type=int, default=64)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    started = time.monotonic()

    settings = profile_settings(a.profile)
    endpoint = settings["endpoint_url"]
    home_region = settings.get("region", "us-east-1")
    me_creds = {"AccessKeyId": settings["aws_access_key_id"], "SecretAccessKey": settings["aws_secret_access_key"]}
    clients = Clients(endpoint, a.threads)
    work = Work(a.threads)

    sts = clients.get(me_creds, "sts", home_region)
    me = strip(sts.get_caller_identity())  # once: Redoubt's scan starts from its sign-in's answer
    org_client = clients.get(me_creds, "organizations", "us-east-1")
    org = {}
    ou_names = {}
    ou_locks = {}
    ou_locks_lock = threading.Lock()
    paths = {}

    def list_organization():
        org["Organization"] = strip(org_client.describe_organization())["Organization"]
        org["Accounts"] = pages(org_client, "list_accounts", "Accounts", PaginationConfig={"PageSize": 20})

    def ou_path(account_id):
        names, child = [], account_id
        for _ in range(10):
            parents = org_client.list_parents(ChildId=child)["Parents"]
            if not parents:
                return
            p = parents[0]
            if p["Type"] == "ROOT":
                paths[account_id] = "/".join(reversed(names))
                return
            with ou_locks_lock:
                lock = ou_locks.setdefault(p["Id"], threading.Lock())
            with lock:  # each OU described once, however many paths pass through it
                name = ou_names.get(p["Id"])
                if name is None:
                    name = org_client.describe_organizational_unit(OrganizationalUnitId=p["Id"])["OrganizationalUnit"]["Name"]
                    ou_names[p["Id"]] = name
            names.append(name)
            child = p["Id"]

    def read_paths(ids):
        for i in dict.fromkeys(ids):
            if i in {x["Id"] for x in org["Accounts"]}:
                work.submit(ou_path, i)

    if a.accounts == "all":
        list_organization()  # the accounts to scan are the organization's
        wanted = [x["Id"] for x in org["Accounts"]]
        read_paths(wanted + [me["Account"]])
    else:
        wanted = a.accounts.split(",")

        def organization_alongside():
            list_organization()
            read_paths(wanted + [me["Account"]])
        work.submit(organization_alongside)
    estate = {"Accounts": {}}
    creds_of = {}
    key_reader = {}
    key_lock = threading.Lock()

    def note_key(arn, key_type, reader):
        if arn and key_type != "AWS_OWNED_KMS_KEY":
            with key_lock:
                key_reader.setdefault(arn, reader)

    def scan_account(acct):
        creds = sts.assume_role(RoleArn=f"arn:aws:iam::{acct}:role/{a.role}", RoleSessionName="boto3-scan")["Credentials"]
        creds_of[acct] = creds
        regions = pages(clients.get(creds, "account", "us-east-1"), "list_regions", "Regions",
                        RegionOptStatusContains=["ENABLED", "ENABLED_BY_DEFAULT"])
        out = {"Id": acct, "Regions": {}}
        estate["Accounts"][acct] = out
        for r in sorted(x["RegionName"] for x in regions):
            rd = {"Vaults": [], "Plans": [], "ProtectedResources": [], "RestoreTestingPlans": [], "LegalHolds": [],
                  "Frameworks": [], "ApprovalTeams": [], "Sessions": []}
            out["Regions"][r] = rd
            work.submit(scan_region, acct, creds, r, rd)

    def scan_region(acct, creds, region, rd):
        b = clients.get(creds, "backup", region)
        rd["GlobalSettings"] = b.describe_global_settings().get("GlobalSettings")
        for v in pages(b, "list_backup_vaults", "BackupVaultList", PaginationConfig={"PageSize": 1000}):
            work.submit(scan_vault, acct, b, v, rd)
        work.submit(scan_plans, b, rd)
        work.submit(scan_resources, b, rd)
        work.submit(scan_restore_testing, b, rd)
        work.submit(lambda: rd.__setitem__("RestoreJobs", pages(b, "list_restore_jobs", "RestoreJobs", PaginationConfig={"PageSize": 1000})))
        work.submit(lambda: rd.__setitem__("CopyJobs", pages(b, "list_copy_jobs", "CopyJobs", PaginationConfig={"PageSize": 1000})))
        work.submit(lambda: rd.__setitem__("ReportPlans", token_pages(b.list_report_plans, "ReportPlans", MaxResults=1000)))
        work.submit(scan_legal_holds, b, rd)
        work.submit(scan_frameworks, b, rd)
        work.submit(scan_approvals, clients.get(creds, "mpa", region), rd)

    def scan_vault(acct, b, listed_vault, rd):
        name = listed_vault["BackupVaultName"]
        vault = strip(b.describe_backup_vault(BackupVaultName=name))
        vault["AccessPolicy"] = or_none_if_missing(lambda: b.get_backup_vault_access_policy(BackupVaultName=name).get("Policy"))
        n = or_none_if_missing(lambda: b.get_backup_vault_notifications(BackupVaultName=name))
        vault["Notifications"] = strip(n) if n else None
        tags = {}
        token = None
        while True:
            page = b.list_tags(ResourceArn=vault["BackupVaultArn"], **({"NextToken": token} if token else {}))
            tags.update(page.get("Tags", {}))
            token = page.get("NextToken")
            if not token:
                break
        vault["Tags"] = dict(sorted(tags.items()))
        vault["RecoveryPoints"] = pages(b, "list_recovery_points_by_backup_vault", "RecoveryPoints", BackupVaultName=name,
                                        PaginationConfig={"PageSize": 1000})
        for p in vault["RecoveryPoints"]:
            note_key(p.get("EncryptionKeyArn"), p.get("EncryptionKeyType"), acct)
        if vault.get("VaultType") == "LOGICALLY_AIR_GAPPED_BACKUP_VAULT":
            vault["RestoreAccessBackupVaults"] = pages(b, "list_restore_access_backup_vaults", "RestoreAccessBackupVaults",
                                                       BackupVaultName=name, PaginationConfig={"PageSize": 1000})
        note_key(vault.get("EncryptionKeyArn"), vault.get("EncryptionKeyType"), acct)
        rd["Vaults"].append(vault)

    def scan_plans(b, rd):
        for p in pages(b, "list_backup_plans", "BackupPlansList", PaginationConfig={"PageSize": 1000}):
            work.submit(read_plan, b, p, rd)

    def read_plan(b, p, rd):
        plan = strip(b.get_backup_plan(BackupPlanId=p["BackupPlanId"]))
        plan["Selections"] = [strip(b.get_backup_selection(BackupPlanId=p["BackupPlanId"], SelectionId=s["SelectionId"]))
                              for s in pages(b, "list_backup_selections", "BackupSelectionsList", BackupPlanId=p["BackupPlanId"],
                                             PaginationConfig={"PageSize": 1000})]
        rd["Plans"].append(plan)

    def scan_resources(b, rd):
        for r in pages(b, "list_protected_resources", "Results", PaginationConfig={"PageSize": 1000}):
            work.submit(lambda arn=r["ResourceArn"]: rd["ProtectedResources"].append(strip(b.describe_protected_resource(ResourceArn=arn))))

    def scan_restore_testing(b, rd):
        for p in pages(b, "list_restore_testing_plans", "RestoreTestingPlans", PaginationConfig={"PageSize": 1000}):
            work.submit(read_restore_testing_plan, b, p["RestoreTestingPlanName"], rd)

    def read_restore_testing_plan(b, name, rd):
        plan = b.get_restore_testing_plan(RestoreTestingPlanName=name)["RestoreTestingPlan"]
        plan["Selections"] = [b.get_restore_testing_selection(RestoreTestingPlanName=name,
                                                              RestoreTestingSelectionName=s["RestoreTestingSelectionName"])["RestoreTestingSelection"]
                              for s in pages(b, "list_restore_testing_selections", "RestoreTestingSelections",
                                             RestoreTestingPlanName=name, PaginationConfig={"PageSize": 1000})]
        rd["RestoreTestingPlans"].append(plan)

    def scan_legal_holds(b, rd):
        for h in pages(b, "list_legal_holds", "LegalHolds", PaginationConfig={"PageSize": 1000}):
            rd["LegalHolds"].append(strip(b.get_legal_hold(LegalHoldId=h["LegalHoldId"])))

    def scan_frameworks(b, rd):
        token = None
        while True:  # ListFrameworks has no paginator in Redoubt's SDK either: the tokens by hand
            page = b.list_frameworks(MaxResults=1000, **({"NextToken": token} if token else {}))
            for f in page.get("Frameworks", []):
                rd["Frameworks"].append(strip(b.describe_framework(FrameworkName=f["FrameworkName"])))
            token = page.get("NextToken")
            if not token:
                break

    def scan_approvals(m, rd):
        for team in pages(m, "list_approval_teams", "ApprovalTeams", PaginationConfig={"PageSize": 20}):
            rd["ApprovalTeams"].append(strip(m.get_approval_team(Arn=team["Arn"])))
            for s in pages(m, "list_sessions", "Sessions", ApprovalTeamArn=team["Arn"], PaginationConfig={"PageSize": 20}):
                rd["Sessions"].append(strip(m.get_session(SessionArn=s["SessionArn"])))

    for acct in wanted:
        work.submit(scan_account, acct)
    work.wait()
    estate["Organization"] = org.get("Organization")
    for acct, out in estate["Accounts"].items():
        out["Path"] = paths.get(acct)

    keys = {}

    def read_key(arn, reader):
        region, owner = arn.split(":")[3], arn.split(":")[4]
        creds = creds_of.get(owner) or creds_of[reader]
        k = clients.get(creds, "kms", region)
        key = {"KeyMetadata": k.describe_key(KeyId=arn)["KeyMetadata"]}
        key["Policy"] = k.get_key_policy(KeyId=arn, PolicyName="default").get("Policy")
        key.update({x: v for x, v in strip(k.get_key_rotation_status(KeyId=arn)).items() if x != "KeyId"})
        key["Aliases"] = pages(k, "list_aliases", "Aliases", KeyId=key["KeyMetadata"]["KeyId"], PaginationConfig={"PageSize": 100})
        key["Grants"] = pages(k, "list_grants", "Grants", KeyId=arn, PaginationConfig={"PageSize": 100})
        key["Tags"] = {t["TagKey"]: t["TagValue"] for t in k.list_resource_tags(KeyId=arn).get("Tags", [])}
        keys[arn] = key

    for arn, reader in list(key_reader.items()):
        work.submit(read_key, arn, reader)
    work.wait()
    estate["Keys"] = keys
    estate["ReadErrors"] = work.errors

    with open(a.out, "w") as f:
        json.dump(estate, f, default=str)
    points = sum(len(v["RecoveryPoints"]) for acc in estate["Accounts"].values() for r in acc["Regions"].values() for v in r["Vaults"])
    vaults = sum(len(r["Vaults"]) for acc in estate["Accounts"].values() for r in acc["Regions"].values())
    print(f"boto3: {len(estate['Accounts'])} accounts, {vaults} vaults, {points} recovery points, {len(keys)} keys, "
          f"{len(work.errors)} read errors in {time.monotonic() - started:.1f} s; wrote {a.out}")
    for e in work.errors[:5]:
        print("boto3 read error:", e, file=sys.stderr)


if __name__ == "__main__":
    main()
