package dev.redoubt.sandbox;

import java.nio.charset.StandardCharsets;

/** Who is calling: a role in an account (from the estate's Roles), acting in a named session. */
record Principal(String accountId, String roleName, Access access, String sessionName) {
    /** What a role may do (the estate's Roles[].Access). */
    enum Access {
        READ_ONLY("read-only"), OPERATOR("operator");

        private final String spelling;

        Access(String spelling) {
            this.spelling = spelling;
        }

        String spelling() {
            return spelling;
        }

        static Access parse(String s) {
            return "operator".equalsIgnoreCase(s) ? OPERATOR : READ_ONLY;
        }
    }

    String arn() {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }

    String roleArn() {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    /** The role's unique id (AROA...), derived like the keys so it is stable. */
    String roleId() {
        return "AROA" + Keys.base32(SigV4.hmac("redoubt-sandbox/role-id".getBytes(StandardCharsets.UTF_8),
                accountId + "/" + roleName), 17);
    }

    String userId() {
        return roleId() + ":" + sessionName;
    }
}
