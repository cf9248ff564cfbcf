package dev.redoubt.findings.access;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.access.AccessAnswer.Question;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.Decision;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyEvaluator;
import dev.redoubt.findings.policy.PolicyException;
import dev.redoubt.findings.policy.Probes;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who can destroy or weaken one vault's backups: delete its recovery points, shorten their
 * lifecycle, change its access policy, remove its lock. Answered from the vault's lock and its access
 * policy with the policy evaluator, as ACC-01/ACC-02/ACC-03 evaluate it (the same {@link Probes}:
 * a role session of the vault's account that no policy names, and every principal the policy names
 * there), so the answers and the checks agree.
 *
 * <p>IAM semantics ("Vault access policies",
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html): the
 * access policy is a resource policy. Principals of the vault's own account act with their IAM
 * permissions unless a Deny of the policy stops them (an Allow of the policy lets them act even
 * without IAM permission). Other accounts cannot: "regardless of the AWS Backup vault's access
 * policy, cross-account access for any action other than backup:CopyIntoBackupVault will be
 * rejected". Whoever may remove or replace the policy removes its Deny statements too, so a Deny of
 * deletion that leaves DeleteBackupVaultAccessPolicy open stops nobody determined.
 *
 * <p>Vault Lock (https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html): any lock
 * refuses DeleteRecoveryPoint and lifecycle updates while it holds; a governance lock, or a
 * compliance lock in its grace time, can be removed first by principals allowed
 * backup:DeleteBackupVaultLockConfiguration; a compliance lock past its LockDate (and a logically
 * air-gapped vault, always compliance-locked) is immutable: nobody, root included, can remove it,
 * delete its recovery points or shorten their retention; they leave only when their retention ends.
 *
 * <p>DeleteRecoveryPoint and UpdateRecoveryPointLifecycle act on recovery point ARNs (of AWS Backup,
 * or of the resource's service: EBS snapshots, RDS snapshots), not on the vault ARN: they are asked
 * for a recovery point of AWS Backup's form and for one of each form the vault holds, and are open
 * when any of them is not denied.
 *
 * <p>UNKNOWN, never a reassuring answer, when what decides was not read (the policy, the lock) or
 * the policy cannot be parsed.
 */
public final class VaultAccess {
    public static final String DELETE_POINT = "backup:DeleteRecoveryPoint";
    public static final String UPDATE_LIFECYCLE = "backup:UpdateRecoveryPointLifecycle";
    public static final String PUT_POLICY = "backup:PutBackupVaultAccessPolicy";
    public static final String DELETE_POLICY = "backup:DeleteBackupVaultAccessPolicy";
    public static final String DELETE_LOCK = "backup:DeleteBackupVaultLockConfiguration";
    static final String POLICY_PAGE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html";
    static final String RESTORE_ACCESS_VAULT = "RESTORE_ACCESS_BACKUP_VAULT";
    private static final List<String> ACTIONS = List.of(DELETE_POINT, UPDATE_LIFECYCLE, PUT_POLICY, DELETE_POLICY, DELETE_LOCK);
    private static final String CROSS_ACCOUNT = "Other accounts cannot, whatever the policy says: AWS Backup refuses cross-account access to a vault"
            + " for every action but backup:CopyIntoBackupVault (Vault access policies)";

    private final EstateIndex x;
    private final VaultRef v;
    private final VaultLock lock;
    private final String policyText;
    private final boolean policyNone;
    private final String policyProblem;
    private final PolicyDocument doc;
    private final List<Probe> probes = new ArrayList<>();
    private final Map<Question, AccessAnswer> answers = new EnumMap<>(Question.class);

    /** One requester and what the policy says to it for each action (for point actions, the first recovery point form it does not deny). */
    private record Probe(Request request, boolean generic, Map<String, Decision> decisions, Map<String, String> escapes) {
        boolean denied(String action) {
            return decisions.get(action).explicitlyDenied();
        }

        boolean allowed(String action) {
            return decisions.get(action).allowed();
        }
    }

    /**
     * How one requester gets there: the actions its IAM policy must allow (in order), whether it goes
     * through removing the access policy first, and whether the vault policy's Allow lets it act
     * whatever its IAM policy says. {@code either}: any one of the actions suffices.
     */
    private record Route(List<String> actions, boolean viaPolicy, boolean withoutIam, boolean either, Set<Integer> allowing) {
    }

    private VaultAccess(EstateIndex x, VaultRef v) {
        this.x = x;
        this.v = v;
        this.lock = VaultLock.of(x, v);
        var fetched = v.vault().accessPolicy();
        PolicyDocument parsed = null;
        String problem = null;
        if (fetched == null) {
            ReadError e = x.readError(v.accountId(), v.region(), v.arn(), List.of("backup:GetBackupVaultAccessPolicy"));
            problem = "the vault's access policy was not read" + (e == null ? ""
                    : " (" + (e.errorCode() == null ? "" : e.errorCode() + ": ") + (e.message() == null ? "no message" : e.message()) + ")");
            policyText = null;
            policyNone = false;
        } else if (fetched.isNone()) {
            policyText = null;
            policyNone = true;
            parsed = new PolicyDocument("2012-10-17", List.of());
        } else {
            policyText = fetched.value().orElseThrow();
            policyNone = false;
            try {
                parsed = PolicyDocument.parse(policyText);
            } catch (PolicyException e) {
                problem = "the vault's access policy cannot be read as a policy: " + e.getMessage();
            }
        }
        this.doc = parsed;
        this.policyProblem = problem;
        if (doc != null) {
            probe();
        }
        for (Question q : List.of(Question.DELETE_RECOVERY_POINTS, Question.CHANGE_LIFECYCLE, Question.CHANGE_VAULT_POLICY, Question.REMOVE_LOCK)) {
            answers.put(q, compute(q));
        }
    }

    /** The four answers for one vault; pure, cheap for one vault (it walks the vault's recovery points once). */
    public static VaultAccess of(EstateIndex x, VaultRef v) {
        return new VaultAccess(x, v);
    }

    public VaultLock lock() {
        return lock;
    }

    /** The access policy as read; null when there is none or it was not read. */
    public String policyText() {
        return policyText;
    }

    /** True when AWS said the vault has no access policy. */
    public boolean policyNone() {
        return policyNone;
    }

    /** Why the policy cannot be evaluated (not read, not a policy); null when it can. */
    public String policyProblem() {
        return policyProblem;
    }

    /** DELETE_RECOVERY_POINTS, CHANGE_LIFECYCLE, CHANGE_VAULT_POLICY, REMOVE_LOCK, in that order. */
    public List<AccessAnswer> answers() {
        return List.copyOf(answers.values());
    }

    public AccessAnswer answer(Question question) {
        AccessAnswer a = answers.get(question);
        if (a == null) {
            throw new IllegalArgumentException(question + " is not a question about a vault");
        }
        return a;
    }

    public AccessAnswer deleteRecoveryPoints() {
        return answer(Question.DELETE_RECOVERY_POINTS);
    }

    public AccessAnswer changeLifecycle() {
        return answer(Question.CHANGE_LIFECYCLE);
    }

    public AccessAnswer changeVaultPolicy() {
        return answer(Question.CHANGE_VAULT_POLICY);
    }

    public AccessAnswer removeLock() {
        return answer(Question.REMOVE_LOCK);
    }

    // ---- probing the policy

    private void probe() {
        String account = v.accountId();
        String org = x.inOrganization(account) ? x.organizationId() : null;
        List<String> points = pointResources();
        for (Request r : Probes.principalsOf(doc, account, org, DELETE_LOCK, v.arn())) {
            PolicyEvaluator evaluator = new PolicyEvaluator();
            Map<String, Decision> decisions = new LinkedHashMap<>();
            Map<String, String> escapes = new LinkedHashMap<>();
            for (String action : ACTIONS) {
                if (action.equals(DELETE_POINT) || action.equals(UPDATE_LIFECYCLE)) {
                    Decision first = null;
                    Decision open = null;
                    for (String point : points) {
                        Decision d = evaluator.evaluate(doc, new Request(r.principalArn(), r.sessionArn(), r.principalAccount(), r.principalService(),
                                action, point, r.context()));
                        first = first == null ? d : first;
                        if (!d.explicitlyDenied()) {
                            open = d;
                            if (first.explicitlyDenied()) {
                                escapes.put(action, point);
                            }
                            break;
                        }
                    }
                    decisions.put(action, open != null ? open : first);
                } else {
                    decisions.put(action, evaluator.evaluate(doc, r.withAction(action)));
                }
            }
            probes.add(new Probe(r, probes.isEmpty(), decisions, escapes));
        }
    }

    /** A recovery point ARN of AWS Backup's form in this vault, then one ARN of each other form the vault holds (EBS, RDS, ...). */
    private List<String> pointResources() {
        Set<String> out = new LinkedHashSet<>();
        out.add("arn:aws:backup:" + v.region() + ":" + v.accountId() + ":recovery-point:redoubt-any-recovery-point");
        Set<String> forms = new java.util.HashSet<>();
        for (RecoveryPoint p : v.points()) {
            String arn = p.recoveryPointArn();
            if (arn != null && forms.add(form(arn))) {
                out.add(arn);
            }
        }
        return List.copyOf(out);
    }

    /** "arn:aws:ec2::snapshot", "arn:aws:backup::recovery-point": the service and resource type of an ARN. */
    private static String form(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        String res = parts[5];
        int cut = res.indexOf('/');
        int colon = res.indexOf(':');
        if (cut < 0 || colon >= 0 && colon < cut) {
            cut = colon;
        }
        return parts[2] + ":" + (cut < 0 ? res : res.substring(0, cut));
    }

    /** How a probe can perform all of {@code actions}: directly, or after removing the access policy; null when it cannot. */
    private Route route(Probe p, List<String> actions) {
        boolean direct = actions.stream().noneMatch(p::denied);
        if (direct) {
            boolean withoutIam = actions.stream().allMatch(p::allowed);
            return new Route(actions, false, withoutIam, false, allowing(p, actions));
        }
        String policyStep = !p.denied(DELETE_POLICY) ? DELETE_POLICY : !p.denied(PUT_POLICY) ? PUT_POLICY : null;
        if (policyStep == null) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        steps.add(policyStep);
        steps.addAll(actions);
        return new Route(steps, true, false, false, allowing(p, List.of(policyStep)));
    }

    /** How a probe can change the policy: any of Put or Delete that the policy does not deny; null when both are denied. */
    private Route policyRoute(Probe p) {
        List<String> open = new ArrayList<>();
        for (String a : List.of(PUT_POLICY, DELETE_POLICY)) {
            if (!p.denied(a)) {
                open.add(a);
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        return new Route(open, false, open.stream().anyMatch(p::allowed), true, allowing(p, open));
    }

    private static Set<Integer> allowing(Probe p, List<String> actions) {
        Set<Integer> out = new TreeSet<>();
        for (String a : actions) {
            Decision d = p.decisions().get(a);
            if (d.allowed()) {
                d.deciding().forEach(s -> out.add(s.index()));
            }
        }
        return out;
    }

    // ---- answers

    private AccessAnswer compute(Question q) {
        return switch (q) {
            case DELETE_RECOVERY_POINTS -> pointAnswer(q, DELETE_POINT, "delete recovery points");
            case CHANGE_LIFECYCLE -> pointAnswer(q, UPDATE_LIFECYCLE, "shorten their retention");
            case CHANGE_VAULT_POLICY -> policyAnswer(q);
            case REMOVE_LOCK -> lockAnswer(q);
            default -> throw new IllegalArgumentException(q.name());
        };
    }

    private AccessAnswer pointAnswer(Question q, String action, String verb) {
        List<String> reasons = new ArrayList<>();
        reasons.add(lockReason());
        if (lock.immutable()) {
            String why = lock.mode() == VaultLock.Mode.AIR_GAPPED
                    ? "the vault is logically air-gapped, which AWS locks in compliance mode; recovery points leave only when their retention ends"
                    : "the vault has a compliance lock, immutable since " + AccessText.date(lock.lockDate())
                            + "; recovery points leave only when their retention ends";
            restoreAccessNote(reasons);
            return new AccessAnswer(q, Reach.NOBODY, "Nobody: " + why, List.of(), reasons, Set.of(), Set.of());
        }
        if (doc == null) {
            reasons.add("Unknown: " + policyProblem);
            restoreAccessNote(reasons);
            return unknown(q, capitalize(policyProblem) + (lock.removable() ? "; the " + lockWord() + " can be removed, so the policy decides who can " + verb : ""),
                    reasons);
        }
        List<String> needed = lock.removable() ? List.of(DELETE_LOCK, action) : List.of(action);
        return decide(q, needed, verb, reasons, p -> route(p, needed));
    }

    private AccessAnswer policyAnswer(Question q) {
        List<String> reasons = new ArrayList<>();
        if (doc == null) {
            reasons.add("Unknown: " + policyProblem);
            return unknown(q, capitalize(policyProblem), reasons);
        }
        return decide(q, List.of(PUT_POLICY, DELETE_POLICY), "change the access policy", reasons, this::policyRoute);
    }

    private AccessAnswer lockAnswer(Question q) {
        List<String> reasons = new ArrayList<>();
        reasons.add(lockReason());
        switch (lock.mode()) {
            case NOT_READ:
                return unknown(q, "The vault's lock (Locked, LockDate) was not read", reasons);
            case NONE:
                return new AccessAnswer(q, Reach.NOBODY, "There is no lock to remove: the vault is not locked", List.of(), reasons, Set.of(), Set.of());
            case COMPLIANCE_IMMUTABLE:
                return new AccessAnswer(q, Reach.NOBODY, "Nobody: the compliance lock is immutable since " + AccessText.date(lock.lockDate())
                        + "; AWS refuses to remove it for every user, root included", List.of(), reasons, Set.of(), Set.of());
            case AIR_GAPPED:
                return new AccessAnswer(q, Reach.NOBODY, "Nobody: a logically air-gapped vault is always compliance-locked; its lock cannot be removed",
                        List.of(), reasons, Set.of(), Set.of());
            default:
                break;
        }
        if (doc == null) {
            reasons.add("Unknown: " + policyProblem);
            return unknown(q, capitalize(policyProblem) + "; the " + lockWord() + " can be removed by principals it does not stop", reasons);
        }
        return decide(q, List.of(DELETE_LOCK), "remove the lock", reasons, p -> route(p, List.of(DELETE_LOCK)));
    }

    private interface Router {
        Route of(Probe p);
    }

    /** The answer from the probes: who can (the generic principal first: "any principal of ..."), how far that reaches, and why. */
    private AccessAnswer decide(Question q, List<String> actions, String verb, List<String> reasons, Router router) {
        Probe generic = probes.get(0);
        Map<Probe, Route> able = new LinkedHashMap<>();
        for (Probe p : probes) {
            Route r = router.of(p);
            if (r != null) {
                able.put(p, r);
            }
        }
        Set<Integer> denying = new TreeSet<>();
        Route genericRoute = able.get(generic);
        if (policyNone) {
            reasons.add("The vault has no access policy: the IAM permissions of " + AccessText.account(x, v.accountId()) + " decide");
        } else {
            Set<String> explained = new LinkedHashSet<>(actions);
            if (q != Question.CHANGE_VAULT_POLICY && actions.stream().anyMatch(generic::denied)) {
                // whether the Deny itself can be taken away
                explained.add(DELETE_POLICY);
                explained.add(PUT_POLICY);
            }
            for (String a : explained) {
                Decision d = generic.decisions().get(a);
                if (d.explicitlyDenied()) {
                    d.deciding().forEach(s -> denying.add(s.index()));
                }
                reasons.add(policySentence(generic, a));
            }
        }
        reasons.add(crossAccount(actions));
        restoreAccessNote(reasons);

        List<String> who = new ArrayList<>();
        Set<Integer> allowing = new TreeSet<>();
        if (genericRoute != null) {
            who.add(genericPhrase(genericRoute));
            allowing.addAll(genericRoute.allowing());
        } else {
            for (var e : able.entrySet()) {
                who.add(witnessPhrase(e.getKey().request(), e.getValue()));
                allowing.addAll(e.getValue().allowing());
            }
        }
        if (able.isEmpty()) {
            return new AccessAnswer(q, Reach.NOBODY, "Nobody: " + nobodyBecause(q, generic, actions), who, reasons, allowing, denying);
        }
        Reach reach;
        if (genericRoute != null && genericRoute.withoutIam()) {
            reach = Reach.ANYONE;
        } else {
            AccountType role = x.role(v.accountId());
            reach = role == AccountType.BACKUP || role == AccountType.SECURITY ? Reach.BACKUP_DOMAIN_ONLY : Reach.WORKLOAD_ACCOUNTS;
        }
        String because = because(q, genericRoute);
        String whoText = (genericRoute == null ? "Only " : "") + String.join("; ", who);
        if (lock.mode() == VaultLock.Mode.NOT_READ && q != Question.CHANGE_VAULT_POLICY) {
            return new AccessAnswer(q, Reach.UNKNOWN, "Unknown: the vault's lock was not read; if it has none, " + lowerFirst(whoText)
                    + " could " + verb, who, reasons, allowing, denying);
        }
        return new AccessAnswer(q, reach, whoText + ": " + because, who, reasons, allowing, denying);
    }

    private AccessAnswer unknown(Question q, String why, List<String> reasons) {
        return new AccessAnswer(q, Reach.UNKNOWN, "Unknown: " + lowerFirst(why), List.of(), reasons, Set.of(), Set.of());
    }

    /** Why nobody can, in the words of the statements that deny it. */
    private String nobodyBecause(Question q, Probe generic, List<String> actions) {
        List<String> denied = new ArrayList<>();
        for (String a : actions) {
            if (generic.denied(a)) {
                denied.add(a);
            }
        }
        String statements = names(generic, denied.isEmpty() ? actions : denied);
        if (q == Question.CHANGE_VAULT_POLICY) {
            return "the access policy denies " + AccessText.and(actions) + " to every principal (" + statements + ")";
        }
        return "the access policy denies " + AccessText.and(denied) + " to every principal (" + statements
                + "), and nobody can remove or replace the policy";
    }

    /** The short reason after the who: what lets them (the policy first, then the lock). */
    private String because(Question q, Route genericRoute) {
        List<String> parts = new ArrayList<>();
        boolean pointQuestion = q == Question.DELETE_RECOVERY_POINTS || q == Question.CHANGE_LIFECYCLE;
        if (policyNone && pointQuestion && lock.mode() == VaultLock.Mode.NONE) {
            return "the vault has neither a lock nor an access policy, so IAM permissions decide";
        }
        if (policyNone) {
            parts.add("the vault has no access policy, so IAM permissions decide");
        } else if (genericRoute == null) {
            parts.add("the access policy denies it to every other principal");
        } else if (genericRoute.viaPolicy()) {
            parts.add("the access policy denies it, but not " + (genericRoute.actions().get(0).equals(DELETE_POLICY)
                    ? "removing the policy itself" : "replacing the policy itself"));
        } else if (genericRoute.withoutIam()) {
            parts.add("the access policy allows it to every principal of the account (" + String.join(", ", statementNames(genericRoute.allowing())) + ")");
        } else {
            parts.add("the access policy does not deny it");
        }
        if (pointQuestion) {
            switch (lock.mode()) {
                case NONE -> parts.add("the vault is not locked");
                case GOVERNANCE -> parts.add("the governance lock can be removed first");
                case COMPLIANCE_GRACE -> parts.add("the compliance lock can still be removed first, until it becomes immutable on "
                        + AccessText.dateTime(lock.lockDate()));
                default -> {
                }
            }
        } else if (q == Question.REMOVE_LOCK) {
            parts.add(lock.mode() == VaultLock.Mode.GOVERNANCE ? "a governance lock stays removable"
                    : "the compliance lock is in its grace time until " + AccessText.dateTime(lock.lockDate()));
        }
        return String.join("; ", parts);
    }

    private List<String> statementNames(Set<Integer> indexes) {
        List<String> out = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (indexes.contains(s.index())) {
                out.add("statement " + s.name());
            }
        }
        return out;
    }

    /** "Any principal of northwind-shop-prod (645019283746, production) whose IAM policy allows A and B". */
    private String genericPhrase(Route r) {
        String account = AccessText.account(x, v.accountId());
        if (r.withoutIam()) {
            return "Every principal of " + account + ", whatever its IAM policy (" + String.join(", ", statementNames(r.allowing())) + " allows it)";
        }
        return "Any principal of " + account + " whose IAM policy allows " + actionList(r);
    }

    private String witnessPhrase(Request request, Route r) {
        String who = principal(request) + " of " + AccessText.account(x, v.accountId());
        if (r.withoutIam()) {
            return who + ", whatever its IAM policy (" + String.join(", ", statementNames(r.allowing())) + " allows it)";
        }
        return who + ", if its IAM policy allows " + actionList(r);
    }

    private static String actionList(Route r) {
        if (r.either()) {
            return String.join(" or ", r.actions());
        }
        return AccessText.and(r.actions());
    }

    /** "role BackupBreakGlass", "user alice", "the root user", "session s of role R". */
    static String principal(Request r) {
        String arn = r.sessionArn() != null && !r.sessionArn().endsWith("/" + Probes.SESSION) ? r.sessionArn() : r.principalArn();
        Arn a = Arn.parse(arn);
        if (a == null) {
            return arn;
        }
        String res = a.resource();
        if (res.equals("root")) {
            return "the root user";
        }
        if (res.startsWith("role/")) {
            return "role " + res.substring(res.lastIndexOf('/') + 1);
        }
        if (res.startsWith("user/")) {
            return "user " + res.substring(res.lastIndexOf('/') + 1);
        }
        if (res.startsWith("assumed-role/")) {
            String[] parts = res.split("/");
            return parts.length >= 3 ? "session " + parts[2] + " of role " + parts[1] : res;
        }
        return arn;
    }

    /** What the policy says to "any other principal" of the vault's account about one action. */
    private String policySentence(Probe generic, String action) {
        Decision d = generic.decisions().get(action);
        if (d.explicitlyDenied()) {
            List<String> parts = new ArrayList<>();
            for (Statement s : d.deciding()) {
                List<String> exempt = exemptions(s);
                parts.add("statement " + s.name() + " denies it to every principal" + (exempt.isEmpty() ? "" : " except " + AccessText.and(exempt)));
            }
            return action + ": " + String.join("; ", parts);
        }
        String escape = generic.escapes().get(action);
        String note = escape == null ? "" : " (the Deny does not cover recovery points such as " + escape + ": they are not in its Resource)";
        if (d.allowed()) {
            return action + ": " + String.join(", ", d.deciding().stream().map(s -> "statement " + s.name()).toList())
                    + " allows it to every principal of the account, whatever its IAM policy" + note;
        }
        return action + ": no statement denies it, so IAM permissions decide" + note;
    }

    private static String names(Probe p, List<String> actions) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : actions) {
            for (Statement s : p.decisions().get(a).deciding()) {
                out.add("statement " + s.name());
            }
        }
        return String.join(", ", out);
    }

    /** The principals a Deny statement leaves out: negated conditions on aws:PrincipalArn or aws:userId, and NotPrincipal. */
    static List<String> exemptions(Statement s) {
        List<String> out = new ArrayList<>();
        for (Condition c : s.conditions()) {
            if (c.negated() && (c.keyLower().equals("aws:principalarn") || c.keyLower().equals("aws:userid"))) {
                out.addAll(c.values());
            }
        }
        if (s.notPrincipal()) {
            out.addAll(s.awsPrincipals());
        }
        return out;
    }

    /** Other accounts cannot; and which Allow statements name other accounts for these actions, which AWS does not honour. */
    private String crossAccount(List<String> actions) {
        List<String> named = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (!s.allow() || actions.stream().noneMatch(s::coversAction)) {
                continue;
            }
            Set<String> accounts = new LinkedHashSet<>();
            for (String p : s.awsPrincipals()) {
                String account = Statement.accountOfPrincipal(p);
                if (account != null && account.matches("\\d{12}") && !account.equals(v.accountId())) {
                    accounts.add(account);
                }
            }
            for (String a : accounts) {
                named.add("statement " + s.name() + " names " + AccessText.account(x, a));
            }
        }
        return named.isEmpty() ? CROSS_ACCOUNT : CROSS_ACCOUNT + "; " + String.join("; ", named) + ", which AWS does not honour";
    }

    private String lockReason() {
        return switch (lock.mode()) {
            case NOT_READ -> "The vault's lock was not read (Locked is absent from the estate)";
            case NONE -> "The vault is not locked: nothing but the access policy and IAM stands between a principal and the recovery points";
            case GOVERNANCE -> "The vault has a governance lock: AWS refuses deletion and lifecycle changes while it holds, but principals allowed "
                    + DELETE_LOCK + " can remove it first (Vault Lock)";
            case COMPLIANCE_GRACE -> "The vault has a compliance lock in its grace time: it refuses deletion and lifecycle changes, but principals allowed "
                    + DELETE_LOCK + " can remove it until it becomes immutable on " + AccessText.dateTime(lock.lockDate()) + " (Vault Lock)";
            case COMPLIANCE_IMMUTABLE -> "The vault has a compliance lock, immutable since " + AccessText.date(lock.lockDate())
                    + ": AWS refuses to delete its recovery points, shorten their lifecycle or remove the lock, for every user, root included (Vault Lock)";
            case AIR_GAPPED -> "The vault is logically air-gapped: AWS locks it in compliance mode, so nobody, root included, can delete its recovery points,"
                    + " shorten their lifecycle or remove the lock";
        };
    }

    private void restoreAccessNote(List<String> reasons) {
        if (RESTORE_ACCESS_VAULT.equals(v.vault().vaultType())) {
            String source = v.vault().sourceBackupVaultArn();
            reasons.add("This is a restore access vault: a view onto " + (source == null ? "an air-gapped vault" : source)
                    + ", whose own lock and policy keep the recovery points");
        }
    }

    private String lockWord() {
        return lock.mode() == VaultLock.Mode.GOVERNANCE ? "governance lock" : "compliance lock (in its grace time)";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.startsWith("AWS") ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
