package org.example.hosp.access;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access policy: for each actor type (the token's {@code actor_type} claim) the numbers of the 6 § items it
 * may see. An actor type that is not listed has no direct access.
 */
@ConfigurationProperties("hosp.access")
record AccessProperties(@DefaultValue Map<String, Set<Integer>> policy) {}
