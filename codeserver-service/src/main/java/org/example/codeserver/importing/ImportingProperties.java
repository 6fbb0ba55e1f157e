package org.example.codeserver.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param loadBundled whether the code systems bundled with the service are loaded at startup (those already stored
 *        are skipped)
 */
@ConfigurationProperties("codes.import")
record ImportingProperties(@DefaultValue("true") boolean loadBundled) {}
