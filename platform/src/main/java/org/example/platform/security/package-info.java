/**
 * How every service and the gateway check the suite's OAuth2 bearer tokens: one access list per service
 * ({@link org.example.platform.security.SuiteAccess}) enforced alike in both places, the token's audience, and 401 and
 * 403 as problem+json.
 */
package org.example.platform.security;
