package org.example.deathcertificate.statistics;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The statistics endpoint's period: its default from the service's clock, and a reversed one as problem+json. */
@WebMvcTest(StatisticsController.class)
class StatisticsControllerTests {

    /** 23:30 UTC on New Year's Eve is already 1 January in Sweden. */
    static final Clock NEW_YEARS_NIGHT =
            Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return NEW_YEARS_NIGHT;
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StatisticsService statistics;

    @Test
    void coversTheTwelveMonthsUpToTodayInSwedenWhenNoPeriodIsGiven() throws Exception {
        var from = LocalDate.of(2026, 1, 2);
        var to = LocalDate.of(2027, 1, 1);
        given(statistics.statistics(from, to)).willReturn(empty(from, to));

        mvc.perform(get("/death-certificates/api/v1/statistics").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-01-02"))
                .andExpect(jsonPath("$.to").value("2027-01-01"));
    }

    @Test
    void answersAPeriodThatEndsBeforeItStartsWithAProblem() throws Exception {
        var from = LocalDate.of(2026, 5, 1);
        var to = LocalDate.of(2026, 4, 1);
        given(statistics.statistics(from, to)).willThrow(new InvalidPeriodException(from, to));

        mvc.perform(get("/death-certificates/api/v1/statistics?from=2026-05-01&to=2026-04-01")
                        .with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("'to' (2026-04-01) is before 'from' (2026-05-01)"));
    }

    private static Statistics empty(LocalDate from, LocalDate to) {
        return new Statistics(from, to, List.of(), null, null, null, null);
    }
}
