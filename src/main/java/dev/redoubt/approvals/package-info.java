/**
 * Multi-party approval of restore access to logically air-gapped vaults, as plain Java: what a request
 * returned, a restore-access vault's grant, an approval session's votes and outcome, and the preflight
 * run before a request. No JavaFX, no AWS SDK, no JDBC: the service fills these and both faces show them.
 */
package dev.redoubt.approvals;
