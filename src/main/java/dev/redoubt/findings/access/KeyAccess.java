package dev.redoubt.findings.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.KeyGrant;
import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.estate.ReadError;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Wildcards;
import dev.redoubt.findings.access.AccessAnswer.Question;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import dev.redoubt.findings.checks.KeyPolicies;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.Decision;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyEvaluator;
import dev.redoubt.findings.policy.PolicyException;
import dev.redoubt.findings.policy.Probes;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The console's answers for one KMS key: who can decrypt with it, who can administer it (its policy
 * and grants), who can disable it or schedule its deletion. Asked of the policy evaluator with the
 * probes of ACC-05 and ACC-12 ({@link Probes}): for every account of the estate, every account the
 * policy names, and an account outside the organization ("anyone"), a session of a role the policy
 * does not name and every principal it names there, each as a direct call carrying what IAM sets for
 * every call (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID, kms:CallerAccount); a call
 * the policy does not allow directly is asked once more through AWS Backup in the key's region (and
 * through every service its kms:ViaService conditions name), which is how "only through AWS Backup"
 * answers arise. Deny statements and conditions count.
 *
 * <p>KMS's semantics, per "Default key policy"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html): the account's root
 * principal in a key policy delegates to that account's IAM, so "any principal of the account whose
 * IAM allows it". Active grants (kms:ListGrants) give their grantees the operations they list. An
 * AWS-owned key has no policy anyone in the organization can read or change, and nobody in the
 * organization can disable it; an AWS-managed key ({@code aws/backup}) has AWS's policy, and KMS
 * refuses to change its policy, disable it or schedule its deletion. UNKNOWN when the policy was not
 * read or cannot be evaluated. Pure: no JavaFX, no I/O, safe to call from any thread.
 */
public final class KeyAccess {
    public static final List<String> DECRYPT_ACTIONS = List.of("kms:Decrypt");
    public static final List<String> ADMINISTER_ACTIONS = List.of("kms:PutKeyPolicy", "kms:CreateGrant", "kms:RevokeGrant");
    /** A multi-region key can also be replicated into another region under a policy of one's choosing. */
    public static final String REPLICATE = "kms:ReplicateKey";
    public static final List<String> DISABLE_OR_DELETE_ACTIONS = List.of("kms:DisableKey", "kms:ScheduleKeyDeletion");
    /** Only for keys whose material was imported (Origin EXTERNAL): deleting it makes the key unusable at once. */
    public static final String DELETE_IMPORTED_MATERIAL = "kms:DeleteImportedKeyMaterial";
    /** The questions about a key, in the order the console shows them. */
    public static final List<Question> QUESTIONS = List.of(Question.DECRYPT, Question.ADMINISTER_KEY, Question.DISABLE_OR_DELETE_KEY);

    /** What KMS refuses on an AWS-managed key, whatever its policy says. */
    private static final Set<String> REFUSED_ON_AWS_MANAGED = Set.of("kms:PutKeyPolicy", "kms:DisableKey", "kms:ScheduleKeyDeletion",
            DELETE_IMPORTED_MATERIAL, REPLICATE);
    private static final Set<String> GRANT_ACTIONS = Set.of("kms:creategrant", "kms:revokegrant", "kms:listgrants");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Map<String, String> SERVICE_NAMES = Map.ofEntries(Map.entry("backup", "AWS Backup"), Map.entry("ec2", "Amazon EC2"),
            Map.entry("rds", "Amazon RDS"), Map.entry("s3", "Amazon S3"), Map.entry("dynamodb", "Amazon DynamoDB"),
            Map.entry("elasticfilesystem", "Amazon EFS"), Map.entry("fsx", "Amazon FSx"), Map.entry("storagegateway", "AWS Storage Gateway"),
            Map.entry("redshift", "Amazon Redshift"), Map.entry("logs", "Amazon CloudWatch Logs"), Map.entry("sns", "Amazon SNS"));

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    /** The three answers for a key the estate holds. */
    public List<AccessAnswer> answers(EstateIndex x, KeyRef key) {
        List<AccessAnswer> out = new ArrayList<>(QUESTIONS.size());
        for (Question q : QUESTIONS) {
            out.add(answer(x, key, q));
        }
        return out;
    }

    /**
     * The three answers for the key a vault or a recovery point names (its EncryptionKeyArn and
     * EncryptionKeyType): AWS-owned keys answered as such, keys the estate does not hold UNKNOWN with
     * why (what AWS refused, or the account was not scanned).
     */
    public List<AccessAnswer> answers(EstateIndex x, String keyArn, String encryptionKeyType) {
        if (EstateIndex.AWS_OWNED_KEY.equals(encryptionKeyType)) {
            return awsOwned();
        }
        KeyRef k = x.key(keyArn);
        if (k != null) {
            return answers(x, k);
        }
        List<AccessAnswer> out = new ArrayList<>(QUESTIONS.size());
        for (Question q : QUESTIONS) {
            out.add(notInEstate(x, keyArn, q));
        }
        return out;
    }

    /** One answer about a key the estate holds; {@code question} is one of {@link #QUESTIONS}. */
    public AccessAnswer answer(EstateIndex x, KeyRef key, Question question) {
        if (!QUESTIONS.contains(question)) {
            throw new IllegalArgumentException(question + " is not a question about a key");
        }
        KeyKind kind = KeyKind.of(key.key());
        KeyMetadata m = key.key().keyMetadata();
        boolean external = m != null && "EXTERNAL".equals(m.origin());
        List<String> actions = new ArrayList<>(switch (question) {
            case DECRYPT -> DECRYPT_ACTIONS;
            case ADMINISTER_KEY -> ADMINISTER_ACTIONS;
            default -> DISABLE_OR_DELETE_ACTIONS;
        });
        if (question == Question.ADMINISTER_KEY && m != null && Boolean.TRUE.equals(m.multiRegion())) {
            actions.add(REPLICATE);
        }
        if (question == Question.DISABLE_OR_DELETE_KEY && external) {
            actions.add(DELETE_IMPORTED_MATERIAL);
        }
        String verb = verb(question, actions);
        List<String> notes = new ArrayList<>(question == Question.ADMINISTER_KEY ? List.of() : stateNotes(key, question));
        if (kind == KeyKind.AWS_MANAGED) {
            List<String> refused = actions.stream().filter(REFUSED_ON_AWS_MANAGED::contains).toList();
            notes.add("AWS manages the key and wrote its policy; nobody can change it");
            if (!refused.isEmpty()) {
                notes.add("KMS refuses " + String.join(", ", refused) + " on an AWS-managed key, whatever its policy says");
                actions.removeAll(refused);
            }
            if (actions.isEmpty()) {
                return new AccessAnswer(question, Reach.NOBODY, "Nobody can " + verb + ": AWS manages the key.", List.of(), notes, Set.of(), Set.of());
            }
        }
        String policy = key.key().policy();
        if (policy == null) {
            ReadError e = x.readError(key.accountId(), key.region(), key.arn(), List.of("kms:GetKeyPolicy"));
            notes.add(0, e == null ? "The key policy was not read (kms:GetKeyPolicy), so who else can is not known"
                    : "The key policy could not be read: " + describe(e));
            return unknown(x, key, question, "Not known: the key policy was not read.", notes);
        }
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(policy);
        } catch (PolicyException ex) {
            notes.add(0, "The key policy cannot be evaluated: the " + ex.getMessage());
            return unknown(x, key, question, "Not known: the key policy cannot be evaluated.", notes);
        }
        if (!actions.isEmpty()) {
            verb = verb(question, actions);
        }
        Gathering g = new Gathering(x, key, doc, actions);
        g.probeAll();
        if (question == Question.DECRYPT) {
            g.grants("Decrypt", notes);
        } else if (question == Question.ADMINISTER_KEY) {
            g.grants("CreateGrant", notes);
        }
        g.fold();
        return g.answer(question, verb, notes);
    }

    /** The answers for an AWS-owned key: AWS holds it; nobody in the organization can use, change or disable it. */
    public static List<AccessAnswer> awsOwned() {
        return List.of(
                new AccessAnswer(Question.DECRYPT, Reach.NOBODY, "Nobody in the organization can use the key: AWS owns it.", List.of(),
                        List.of("AWS owns the key and uses it only for AWS Backup, on behalf of the vault it protects: no principal of the organization "
                                        + "can call kms:Decrypt with it",
                                "Who can restore the recovery points is up to the vault's access policy (and its approval team, for a logically air-gapped vault)"),
                        Set.of(), Set.of()),
                new AccessAnswer(Question.ADMINISTER_KEY, Reach.NOBODY, "Nobody in the organization: AWS owns the key, its policy and its grants.",
                        List.of(), List.of("An AWS-owned key has no key policy or grants that anyone in the organization can read or change"), Set.of(), Set.of()),
                new AccessAnswer(Question.DISABLE_OR_DELETE_KEY, Reach.NOBODY,
                        "Nobody in the organization: AWS holds the key, and nobody in the organization can disable it or schedule its deletion.",
                        List.of(), List.of("AWS owns the key: KMS lets no account of the organization disable it or schedule its deletion"), Set.of(), Set.of()));
    }

    private AccessAnswer notInEstate(EstateIndex x, String keyArn, Question q) {
        if (keyArn == null || keyArn.isBlank()) {
            return new AccessAnswer(q, Reach.UNKNOWN, "Not known: no key is named.", List.of(),
                    List.of("The vault or recovery point names no key (EncryptionKeyArn was not read)"), Set.of(), Set.of());
        }
        Arn arn = Arn.parse(keyArn);
        String account = arn == null ? null : arn.account();
        String region = arn == null ? null : arn.region();
        ReadError e = account == null ? null : x.readError(account, region, keyArn, List.of("kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListKeys"));
        String why;
        if (e != null) {
            why = "The key could not be read: " + describe(e);
        } else if (account == null || account.isEmpty()) {
            why = "The key " + keyArn + " is not in the scan";
        } else if (x.account(account) == null) {
            why = "The key belongs to " + accountPhrase(x, account) + ", which was not scanned";
        } else {
            why = "The key was not found in the scan of " + accountPhrase(x, account) + (region == null || region.isEmpty() ? "" : " in " + region);
        }
        return new AccessAnswer(q, Reach.UNKNOWN, "Not known: the key was not read.", List.of(), List.of(why), Set.of(), Set.of());
    }

    /** UNKNOWN, with the grantees the estate does know of (they can, whatever the policy says). */
    private AccessAnswer unknown(EstateIndex x, KeyRef key, Question q, String answer, List<String> notes) {
        List<String> who = new ArrayList<>();
        List<String> reasons = new ArrayList<>(notes);
        String op = q == Question.DECRYPT ? "Decrypt" : q == Question.ADMINISTER_KEY ? "CreateGrant" : null;
        if (op != null && key.key().grants() != null) {
            for (KeyGrant g : key.key().grants()) {
                if (g != null && g.operations() != null && g.operations().contains(op)) {
                    who.add(capitalize(principalPhrase(x, g.granteePrincipal())) + ", through a grant");
                    reasons.add(grantReason(x, g));
                }
            }
        }
        return new AccessAnswer(q, Reach.UNKNOWN, answer, who, reasons, Set.of(), Set.of());
    }

    private static String verb(Question q, List<String> actions) {
        return switch (q) {
            case DECRYPT -> "decrypt with the key";
            case ADMINISTER_KEY -> (actions.contains("kms:PutKeyPolicy") ? "change the key's policy or grants" : "change the key's grants")
                    + (actions.contains(REPLICATE) ? ", or replicate it to another region" : "");
            default -> "disable the key or schedule its deletion" + (actions.contains(DELETE_IMPORTED_MATERIAL) ? ", or delete its imported key material" : "");
        };
    }

    /** What the key's state changes about the answer (a disabled key decrypts nothing, a key pending deletion soon nothing ever). */
    private static List<String> stateNotes(KeyRef key, Question q) {
        KeyMetadata m = key.key().keyMetadata();
        List<String> out = new ArrayList<>();
        String state = m == null ? null : m.keyState();
        if (state == null) {
            out.add("The key's state was not read");
        } else if (state.equals("Disabled")) {
            out.add(q == Question.DECRYPT ? "The key is disabled: nobody can decrypt with it until someone enables it again (kms:EnableKey); then these can"
                    : "The key is disabled");
        } else if (state.equals("PendingDeletion") || state.equals("PendingReplicaDeletion")) {
            String when = m.deletionDate() == null ? "" : " on " + DAY.format(m.deletionDate());
            out.add("The key is scheduled for deletion" + when + (q == Question.DECRYPT
                    ? ": nobody can decrypt with it unless the deletion is cancelled (kms:CancelKeyDeletion), and after that date what it protects cannot be decrypted"
                    : ""));
        } else if (state.equals("PendingImport")) {
            out.add("The key has no key material (it waits for an import): nobody can decrypt with it");
        } else if (state.equals("Unavailable")) {
            out.add("The key is unavailable (its custom key store is disconnected): nobody can decrypt with it until it is connected again");
        }
        if (q == Question.DECRYPT && m != null && "EXTERNAL".equals(m.origin()) && m.validTo() != null) {
            out.add("Its imported key material expires on " + DAY.format(m.validTo()) + ": KMS then deletes it, and nobody can decrypt until the same "
                    + "material is imported again");
        }
        return out;
    }

    private static String describe(ReadError e) {
        String code = e.errorCode() == null ? "" : e.errorCode();
        String msg = e.message() == null ? "" : e.message();
        String op = e.operation() == null ? "" : " (" + e.operation() + ")";
        return (code.isEmpty() ? msg : msg.isEmpty() ? code : code + ": " + msg) + op;
    }

    /** "shop-prod (111122223333, production)", "111122223333 (workload)", "account 999988887777 (outside the organization)". */
    public static String accountPhrase(EstateIndex x, String id) {
        Account a = x.account(id);
        if (a == null && !x.inOrganization(id)) {
            return "account " + id + " (outside the organization)";
        }
        String role = x.role(id).name().toLowerCase(Locale.ROOT);
        return a != null && a.name() != null && !a.name().isBlank() ? a.name() + " (" + id + ", " + role + ")" : id + " (" + role + ")";
    }

    private static String shortName(EstateIndex x, String id) {
        Account a = x.account(id);
        return a != null && a.name() != null && !a.name().isBlank() ? a.name() : id;
    }

    /** A principal ARN (or a service principal) in words: "role BackupAdmin of backup (333…, backup)". */
    public static String principalPhrase(EstateIndex x, String principal) {
        if (principal == null || principal.isBlank()) {
            return "an unnamed principal";
        }
        if (principal.matches("\\d{12}")) {
            return "any principal of " + accountPhrase(x, principal);
        }
        if (!principal.startsWith("arn:")) {
            return "the AWS service " + principal;
        }
        Arn a = Arn.parse(principal);
        if (a == null || a.account() == null || a.account().isEmpty()) {
            return principal;
        }
        String res = a.resource();
        String of = " of " + accountPhrase(x, a.account());
        if (res.equals("root")) {
            return "any principal" + of;
        }
        if (res.startsWith("role/aws-service-role/")) {
            String[] parts = res.split("/");
            String svc = parts.length > 2 ? parts[2] : "an AWS service";
            return "the service-linked role of " + serviceName(svc) + " in " + accountPhrase(x, a.account());
        }
        String last = res.substring(res.lastIndexOf('/') + 1);
        if (res.startsWith("role/")) {
            return "role " + last + of;
        }
        if (res.startsWith("user/")) {
            return "user " + last + of;
        }
        if (res.startsWith("assumed-role/")) {
            String[] parts = res.split("/");
            return parts.length >= 3 ? "session " + parts[2] + " of role " + parts[1] + of : principal;
        }
        return principal;
    }

    /** "backup.eu-west-1.amazonaws.com" as "AWS Backup in eu-west-1"; "backup.amazonaws.com" as "AWS Backup". */
    public static String serviceName(String host) {
        String[] parts = host.split("\\.");
        String name = SERVICE_NAMES.getOrDefault(parts[0], parts[0]);
        return parts.length >= 4 && host.endsWith(".amazonaws.com") ? name + " in " + parts[1] : name;
    }

    private static String grantReason(EstateIndex x, KeyGrant g) {
        String label = g.name() != null && !g.name().isBlank() ? "'" + g.name() + "'"
                : g.grantId() == null ? "(no ID)" : g.grantId().length() > 12 ? g.grantId().substring(0, 12) + "…" : g.grantId();
        StringBuilder b = new StringBuilder("Grant ").append(label);
        if (g.creationDate() != null) {
            b.append(" (created ").append(DAY.format(g.creationDate())).append(")");
        }
        b.append(" gives ").append(g.granteePrincipal() == null ? "an unnamed grantee" : g.granteePrincipal()).append(" ")
                .append(g.operations() == null ? "no operations" : String.join(", ", g.operations()));
        String constraints = constraints(g.constraints());
        if (!constraints.isEmpty()) {
            b.append(", ").append(constraints);
        }
        if (g.retiringPrincipal() != null && !g.retiringPrincipal().isBlank()) {
            b.append("; ").append(g.retiringPrincipal().equals(g.granteePrincipal()) ? "the grantee" : g.retiringPrincipal()).append(" may retire it");
        }
        return b.toString();
    }

    /** A grant's constraints in words: "only with the encryption context k=v" / "only with an encryption context that includes k=v". */
    public static String constraints(JsonNode c) {
        if (c == null || c.isNull() || c.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        JsonNode eq = c.get("EncryptionContextEquals");
        if (eq != null && eq.isObject()) {
            out.add("only with the encryption context " + pairs(eq));
        }
        JsonNode sub = c.get("EncryptionContextSubset");
        if (sub != null && sub.isObject()) {
            out.add("only with an encryption context that includes " + pairs(sub));
        }
        return out.isEmpty() ? "with constraints " + c : String.join(" and ", out);
    }

    private static String pairs(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(", ", out);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** How far one "who" reaches; ordered as Reach is. */
    private enum Level {
        DOMAIN(Reach.BACKUP_DOMAIN_ONLY), WORKLOAD(Reach.WORKLOAD_ACCOUNTS), ANYONE(Reach.ANYONE);

        final Reach reach;

        Level(Reach reach) {
            this.reach = reach;
        }
    }

    /** One "who": principals of an account (all, or one the policy names), a service, or a grantee, by one channel. */
    private static final class Entry {
        final String account;
        /** Null: any principal of the account. */
        final String principal;
        /** For principals outside the organization: the organization a condition requires them to belong to, else null. */
        final String organization;
        /** Empty: direct calls; else the services (kms:ViaService) through which only. */
        final Set<String> services;
        final String service;
        final KeyGrant grant;
        final Set<String> actions = new LinkedHashSet<>();
        final Map<Integer, Statement> statements = new TreeMap<>();
        boolean delegated;

        Entry(String account, String principal, String organization, Set<String> services, String service, KeyGrant grant) {
            this.account = account;
            this.principal = principal;
            this.organization = organization;
            this.services = services;
            this.service = service;
            this.grant = grant;
        }
    }

    /** The probing of one key policy for one question's actions. */
    private final class Gathering {
        private final EstateIndex x;
        private final KeyRef key;
        private final PolicyDocument doc;
        private final List<String> actions;
        private final List<String> services;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Map<Integer, Statement> denyStatements = new TreeMap<>();
        private final Map<Integer, Set<String>> deniedTo = new HashMap<>();
        private final Map<Integer, Set<String>> deniedActions = new HashMap<>();

        Gathering(EstateIndex x, KeyRef key, PolicyDocument doc, List<String> actions) {
            this.x = x;
            this.key = key;
            this.doc = doc;
            this.actions = List.copyOf(actions);
            this.services = viaServices();
        }

        /** AWS Backup in the key's region first, then every service the policy's kms:ViaService conditions name. */
        private List<String> viaServices() {
            Set<String> out = new LinkedHashSet<>();
            out.add("backup." + key.region() + ".amazonaws.com");
            for (Statement s : doc.statements()) {
                for (Condition c : s.conditionsOn("kms:ViaService")) {
                    if (c.negated()) {
                        continue;
                    }
                    for (String v : c.values()) {
                        String filled = v.replace("*", key.region()).replace('?', 'x');
                        if (!Wildcards.matches(v, filled, true)) {
                            filled = v.replace('*', 'x').replace('?', 'x');
                        }
                        if (filled.endsWith(".amazonaws.com")) {
                            out.add(filled.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return List.copyOf(out);
        }

        void probeAll() {
            Set<String> accounts = new LinkedHashSet<>();
            accounts.add(key.accountId());
            accounts.addAll(x.roles().keySet());
            accounts.addAll(KeyPolicies.accountsNamed(doc));
            String first = actions.get(0);
            for (String account : accounts) {
                List<Request> probes = x.inOrganization(account) ? Probes.principalsOf(doc, account, x.organizationId(), first, key.arn())
                        : Probes.outsidersOf(doc, account, x.organizationId(), first, key.arn());
                probe(account, probes);
            }
            probe(KeyPolicies.ANYONE, Probes.outsidersOf(doc, KeyPolicies.outsider(x), x.organizationId(), first, key.arn()));
            Set<String> servicePrincipals = new LinkedHashSet<>();
            for (Statement s : doc.statements()) {
                if (s.allow() && !s.notPrincipal()) {
                    servicePrincipals.addAll(s.principals().getOrDefault("Service", List.of()));
                }
            }
            for (String svc : servicePrincipals) {
                for (String action : actions) {
                    for (Map<String, List<String>> ctx : List.of(Map.<String, List<String>>of(), Map.of("aws:SourceAccount", List.of(key.accountId())))) {
                        Decision d = evaluator.evaluate(doc, new Request(null, null, svc, action, key.arn(), ctx));
                        if (d.allowed()) {
                            Entry e = entries.computeIfAbsent("service|" + svc, k -> new Entry(null, null, null, Set.of(), svc, null));
                            e.actions.add(action);
                            d.deciding().forEach(s -> e.statements.put(s.index(), s));
                            break;
                        }
                    }
                }
            }
        }

        private void probe(String account, List<Request> probes) {
            for (String action : actions) {
                Set<String> done = new HashSet<>();
                for (Request r : Probes.withAction(probes, action)) {
                    if (done.contains(r.who())) {
                        continue;
                    }
                    Decision d = evaluator.evaluate(doc, r);
                    if (d.allowed()) {
                        record(account, r, Set.of(), action, d.deciding());
                        done.add(r.who());
                        continue;
                    }
                    if (d.explicitlyDenied()) {
                        denied(account, r, action, d.deciding());
                    }
                    Set<String> via = new LinkedHashSet<>();
                    List<Statement> by = new ArrayList<>();
                    for (String svc : services) {
                        Decision ds = evaluator.evaluate(doc, throughService(r, svc, action));
                        if (ds.allowed()) {
                            via.add(svc);
                            by.addAll(ds.deciding());
                        }
                    }
                    if (!via.isEmpty()) {
                        record(account, r, via, action, by);
                        done.add(r.who());
                    }
                }
            }
        }

        /** The same call made through a service: kms:ViaService set, and kms:GrantIsForAWSResource for the grant operations. */
        private Request throughService(Request r, String svc, String action) {
            Map<String, List<String>> ctx = new HashMap<>(r.context());
            ctx.put("kms:ViaService", List.of(svc));
            if (GRANT_ACTIONS.contains(action.toLowerCase(Locale.ROOT))) {
                ctx.put("kms:GrantIsForAWSResource", List.of("true"));
            }
            return new Request(r.principalArn(), r.sessionArn(), r.principalAccount(), r.principalService(), action, r.resource(), ctx);
        }

        private static boolean generic(Request r) {
            return r.principalArn() != null && r.principalArn().equals(Probes.anyRole(r.principalAccount()));
        }

        /** The principal as the answer names it: null for the generic probe, the role (not Redoubt's session of it), or the session the policy names. */
        private static String principalOf(Request r) {
            if (generic(r)) {
                return null;
            }
            if (r.sessionArn() != null && r.sessionArn().endsWith("/" + Probes.SESSION)) {
                return r.principalArn();
            }
            return r.who();
        }

        private String organizationOf(String account, Request r) {
            if (!account.equals(KeyPolicies.ANYONE) && x.inOrganization(account)) {
                return null;
            }
            List<String> org = r.value("aws:PrincipalOrgID");
            return org == null || org.isEmpty() || org.get(0).equals(Probes.OTHER_ORGANIZATION) ? null : org.get(0);
        }

        private void record(String account, Request r, Set<String> via, String action, List<Statement> deciding) {
            String principal = principalOf(r);
            String org = organizationOf(account, r);
            String k = account + "|" + principal + "|" + org + "|" + via;
            Entry e = entries.computeIfAbsent(k, kk -> new Entry(account, principal, org, Set.copyOf(via), null, null));
            e.actions.add(action);
            for (Statement s : deciding) {
                e.statements.put(s.index(), s);
                e.delegated |= s.awsPrincipals().stream().anyMatch(p -> Statement.isAccountPrincipal(p)
                        && r.principalAccount() != null && r.principalAccount().equals(Statement.accountOfPrincipal(p)));
            }
        }

        private void denied(String account, Request r, String action, List<Statement> deciding) {
            String who = account.equals(KeyPolicies.ANYONE) ? "anyone outside the organization"
                    : generic(r) ? "any principal of " + shortName(x, account) : principalPhrase(x, principalOf(r));
            for (Statement s : deciding) {
                denyStatements.put(s.index(), s);
                deniedTo.computeIfAbsent(s.index(), k -> new LinkedHashSet<>()).add(who);
                deniedActions.computeIfAbsent(s.index(), k -> new LinkedHashSet<>()).add(action);
            }
        }

        /** The grants that give {@code operation}: their grantees can, whatever the policy says. */
        void grants(String operation, List<String> notes) {
            List<KeyGrant> grants = key.key().grants();
            if (grants == null) {
                notes.add("The key's grants were not read (kms:ListGrants): a grantee that can is not shown");
                return;
            }
            for (KeyGrant g : grants) {
                if (g == null || g.operations() == null || !g.operations().contains(operation)) {
                    continue;
                }
                String grantee = g.granteePrincipal();
                String account = grantee == null ? null : grantee.matches("\\d{12}") ? grantee : Arn.accountOf(grantee);
                Entry e = new Entry(account == null || account.isEmpty() ? null : account, grantee, null, Set.of(), null, g);
                e.actions.add("kms:" + operation);
                entries.put("grant|" + (g.grantId() == null ? entries.size() : g.grantId()), e);
            }
        }

        /**
         * Drops what another "who" already says: a named principal of an account whose every principal
         * can, and an account reached only through the statements that let anyone.
         */
        void fold() {
            for (Entry e : entries.values()) {
                if (e.principal == null || e.grant != null || e.service != null) {
                    continue;
                }
                for (Entry any : entries.values()) {
                    if (any != e && any.principal == null && any.grant == null && any.service == null && any.account.equals(e.account)
                            && Objects.equals(any.organization, e.organization) && (any.services.isEmpty() || any.services.equals(e.services))) {
                        e.actions.removeAll(any.actions);
                    }
                }
            }
            List<Entry> anyone = entries.values().stream()
                    .filter(e -> KeyPolicies.ANYONE.equals(e.account) && e.organization == null && e.grant == null).toList();
            for (Entry e : entries.values()) {
                if (e.grant != null || e.service != null || KeyPolicies.ANYONE.equals(e.account)) {
                    continue;
                }
                for (Entry a : anyone) {
                    if ((a.services.isEmpty() || a.services.equals(e.services)) && a.statements.keySet().containsAll(e.statements.keySet())) {
                        e.actions.removeAll(a.actions);
                    }
                }
            }
            entries.values().removeIf(e -> e.actions.isEmpty());
        }

        private Level level(Entry e) {
            if (KeyPolicies.ANYONE.equals(e.account)) {
                return e.organization == null ? Level.ANYONE : Level.WORKLOAD;
            }
            if (e.account == null) {
                return Level.DOMAIN;
            }
            return x.role(e.account).isWorkload() || !x.inOrganization(e.account) ? Level.WORKLOAD : Level.DOMAIN;
        }

        AccessAnswer answer(Question q, String verb, List<String> notes) {
            List<Entry> sorted = new ArrayList<>(entries.values());
            sorted.sort(Comparator.comparing((Entry e) -> level(e)).reversed());
            List<String> who = new ArrayList<>();
            Set<String> reasons = new LinkedHashSet<>(notes);
            Set<Integer> allowing = new TreeSet<>();
            Level worst = null;
            for (Entry e : sorted) {
                who.add(phrase(e));
                reasons.addAll(reasonsFor(e));
                allowing.addAll(e.statements.keySet());
                Level l = level(e);
                worst = worst == null || l.compareTo(worst) > 0 ? l : worst;
            }
            for (var d : denyStatements.entrySet()) {
                List<String> to = new ArrayList<>(deniedTo.get(d.getKey()));
                String list = to.size() > 3 ? String.join(", ", to.subList(0, 3)) + " and " + (to.size() - 3) + " more" : String.join(", ", to);
                reasons.add("Statement " + quoted(d.getValue()) + " denies " + String.join(", ", deniedActions.get(d.getKey())) + " to " + list
                        + conditions(d.getValue()));
            }
            Reach reach = worst == null ? Reach.NOBODY : worst.reach;
            if (worst == null) {
                reasons.add("No statement of the key policy allows " + String.join(", ", actions) + " to a principal of the organization's accounts or "
                        + "outside it" + (q == Question.DISABLE_OR_DELETE_KEY ? "" : ", and no grant gives it"));
            }
            return new AccessAnswer(q, reach, sentence(reach, verbOf(sorted, worst, verb), sorted), who, List.copyOf(reasons), allowing,
                    denyStatements.keySet());
        }

        /** The question's verb, or, when the widest reach has only some of its actions, those ("create grants on the key"). */
        private String verbOf(List<Entry> sorted, Level worst, String verb) {
            if (worst == null) {
                return verb;
            }
            Set<String> got = new LinkedHashSet<>();
            for (Entry e : sorted) {
                if (level(e) == worst) {
                    got.addAll(e.actions);
                }
            }
            if (got.containsAll(actions)) {
                return verb;
            }
            List<String> parts = actions.stream().filter(got::contains).map(KeyAccess::doing).toList();
            return parts.size() == 1 ? parts.get(0)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
        }

        private String sentence(Reach reach, String verb, List<Entry> sorted) {
            return switch (reach) {
                case NOBODY -> "Nobody can " + verb + ".";
                case ANYONE -> "Anyone can " + verb + ": any AWS principal, outside the organization included.";
                case WORKLOAD_ACCOUNTS -> {
                    String others = names(sorted, Level.DOMAIN);
                    yield "Workload accounts can " + verb + ": " + names(sorted, Level.WORKLOAD) + "." + (others.isEmpty() ? "" : " Also: " + others + ".");
                }
                default -> "No workload account can " + verb + "; only " + names(sorted, Level.DOMAIN) + ".";
            };
        }

        /** The accounts (or services) of one level, each once, "(only through AWS Backup)" when every way it has is through a service. */
        private String names(List<Entry> sorted, Level level) {
            Map<String, Boolean> onlyVia = new LinkedHashMap<>();
            Map<String, Set<String>> via = new LinkedHashMap<>();
            for (Entry e : sorted) {
                if (level(e) != level) {
                    continue;
                }
                String name = e.service != null ? "the AWS service " + e.service
                        : KeyPolicies.ANYONE.equals(e.account) ? "principals of the organization " + e.organization
                        : e.account == null ? "an unnamed grantee" : shortName(x, e.account);
                onlyVia.merge(name, !e.services.isEmpty(), Boolean::logicalAnd);
                via.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(e.services);
            }
            List<String> out = new ArrayList<>();
            onlyVia.forEach((name, only) -> out.add(only ? name + " (only through " + String.join(" or ",
                    via.get(name).stream().map(s -> serviceName(s.replaceFirst("\\.[a-z0-9-]+\\.amazonaws\\.com$", ".amazonaws.com"))).distinct().toList()) + ")" : name));
            return String.join(", ", out);
        }

        private String phrase(Entry e) {
            StringBuilder b = new StringBuilder();
            if (e.grant != null) {
                b.append(capitalize(principalPhrase(x, e.principal))).append(", through a grant");
            } else if (e.service != null) {
                b.append("The AWS service ").append(e.service);
            } else if (KeyPolicies.ANYONE.equals(e.account)) {
                b.append(e.organization == null ? "Anyone: any AWS principal, outside the organization included"
                        : "Any principal of the organization " + e.organization + " (not yours)");
            } else if (e.principal == null) {
                boolean iam = e.delegated || !e.account.equals(key.accountId());
                b.append("Any principal of ").append(accountPhrase(x, e.account)).append(iam ? " whose IAM allows it" : "");
            } else {
                b.append(capitalize(principalPhrase(x, e.principal)));
                if (!e.account.equals(key.accountId())) {
                    b.append(", if its IAM allows it");
                }
            }
            if (e.organization != null && !KeyPolicies.ANYONE.equals(e.account)) {
                b.append(", if it belongs to the organization ").append(e.organization);
            }
            if (!e.services.isEmpty()) {
                b.append(", only through ").append(String.join(" or ", e.services.stream().map(KeyAccess::serviceName).toList()));
            }
            if (e.grant == null && !e.actions.containsAll(actions)) {
                b.append(" (").append(String.join(", ", e.actions.stream().map(KeyAccess::words).toList())).append(" only)");
            }
            return b.toString();
        }

        private List<String> reasonsFor(Entry e) {
            if (e.grant != null) {
                return List.of(grantReason(x, e.grant));
            }
            List<String> out = new ArrayList<>();
            for (Statement s : e.statements.values()) {
                List<String> covered = e.actions.stream().filter(s::coversAction).toList();
                if (covered.isEmpty()) {
                    continue;
                }
                String how = how(s, e);
                boolean root = how.startsWith("gives");
                out.add("Statement " + quoted(s) + " " + how + " " + String.join(", ", covered) + conditions(s)
                        + (root ? ": the account's IAM policies decide which of its principals can" : ""));
            }
            return out;
        }

        private String how(Statement s, Entry e) {
            if (s.anyPrincipal()) {
                return s.notPrincipal() ? "applies to every principal" : "lets any AWS principal (\"*\")";
            }
            if (s.notPrincipal()) {
                return "applies to every principal its NotPrincipal does not list, and allows";
            }
            if (e.service != null) {
                return "names the AWS service " + e.service + " for";
            }
            for (String p : s.awsPrincipals()) {
                if (Statement.isAccountPrincipal(p) && e.account != null && e.account.equals(Statement.accountOfPrincipal(p))) {
                    return e.account.equals(key.accountId()) ? "gives the account's root (" + p + ")"
                            : "gives the root of " + shortName(x, e.account) + " (" + p + ")";
                }
            }
            if (e.principal != null && (s.awsPrincipals().contains(e.principal))) {
                return "names " + e.principal + " for";
            }
            return "covers " + (e.principal == null ? "principals of " + shortName(x, e.account) : e.principal) + " for";
        }
    }

    private static String quoted(Statement s) {
        return s.sid() != null && !s.sid().isBlank() ? "'" + s.sid() + "'" : s.name();
    }

    /** A statement's conditions in words: " when kms:ViaService is backup.eu-west-1.amazonaws.com and kms:CallerAccount is 111122223333". */
    static String conditions(Statement s) {
        if (s.conditions().isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Condition c : s.conditions()) {
            out.add(condition(c));
        }
        return " when " + String.join(" and ", out);
    }

    private static String condition(Condition c) {
        String base = c.baseOperator();
        String values = c.values().size() == 1 ? c.values().get(0) : "one of " + String.join(", ", c.values());
        String text;
        if (base.equals("Null")) {
            boolean absent = c.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            text = c.key() + (absent ? " is absent" : " is present");
        } else if (base.equals("Bool")) {
            text = c.key() + " is " + values;
        } else if (base.startsWith("String") || base.startsWith("Arn")) {
            text = c.key() + (c.negated() ? " is not " : " is ") + values;
        } else {
            text = c.toString();
        }
        return c.ifExists() ? text + " (or absent)" : text;
    }

    /** An action as what one can do, for an answer's sentence: "create grants on the key". */
    private static String doing(String action) {
        return switch (action) {
            case "kms:PutKeyPolicy" -> "change the key's policy";
            case "kms:CreateGrant" -> "create grants on the key";
            case "kms:RevokeGrant" -> "revoke the key's grants";
            case "kms:ReplicateKey" -> "replicate the key to another region";
            case "kms:DisableKey" -> "disable the key";
            case "kms:ScheduleKeyDeletion" -> "schedule the key's deletion";
            case "kms:DeleteImportedKeyMaterial" -> "delete the key's imported material";
            case "kms:Decrypt" -> "decrypt with the key";
            default -> "call " + action;
        };
    }

    /** An action in the words of the answers: "revoke grants". */
    private static String words(String action) {
        return switch (action) {
            case "kms:PutKeyPolicy" -> "change the policy";
            case "kms:CreateGrant" -> "create grants";
            case "kms:RevokeGrant" -> "revoke grants";
            case "kms:ReplicateKey" -> "replicate the key";
            case "kms:DisableKey" -> "disable";
            case "kms:ScheduleKeyDeletion" -> "schedule deletion";
            case "kms:DeleteImportedKeyMaterial" -> "delete the imported key material";
            case "kms:Decrypt" -> "decrypt";
            default -> action;
        };
    }
}
