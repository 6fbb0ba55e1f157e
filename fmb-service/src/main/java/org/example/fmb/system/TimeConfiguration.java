package org.example.fmb.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's clock (Swedish time decides which version is valid "today") and its scheduled jobs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${fmb.time-zone:Europe/Stockholm}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
