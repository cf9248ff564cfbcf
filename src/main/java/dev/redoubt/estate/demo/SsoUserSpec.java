package dev.redoubt.estate.demo;

import java.util.ArrayList;
import java.util.List;

/** A person who signs in to the sandbox, and the roles they may take in which accounts. */
final class SsoUserSpec {
    static final String AUDITOR = "AuditReadOnly";
    static final String OPERATOR = "BackupOperator";

    final String userId;
    final String userName;
    private final String password;
    private final List<Json> assignments = new ArrayList<>();

    SsoUserSpec(String userName, String password) {
        this.userId = "u-" + userName;
        this.userName = userName;
        this.password = password;
    }

    SsoUserSpec auditor(AccountSpec... accounts) {
        return assign(AUDITOR, accounts);
    }

    SsoUserSpec operator(AccountSpec... accounts) {
        return assign(OPERATOR, accounts);
    }

    /** Both roles in each of the accounts. */
    SsoUserSpec auditorAndOperator(AccountSpec... accounts) {
        for (AccountSpec account : accounts) {
            assign(AUDITOR, account);
            assign(OPERATOR, account);
        }
        return this;
    }

    private SsoUserSpec assign(String role, AccountSpec... accounts) {
        for (AccountSpec account : accounts) {
            assignments.add(Json.object().with("AccountId", account.id).with("RoleName", role));
        }
        return this;
    }

    /** Who this user is while acting as {@code role} in {@code account}. */
    String principalIn(AccountSpec account, String role) {
        return Arns.assumedRole(account.id, role, userName);
    }

    Json toJson() {
        return Json.object()
                .with("UserId", userId)
                .with("UserName", userName)
                .with("Password", password)
                .with("Assignments", assignments);
    }
}
