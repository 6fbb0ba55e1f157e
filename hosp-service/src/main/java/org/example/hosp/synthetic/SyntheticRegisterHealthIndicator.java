package org.example.hosp.synthetic;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: the service takes traffic only once the register is loaded. */
@Component
class SyntheticRegisterHealthIndicator implements HealthIndicator {

    private final SyntheticRegisterService register;

    SyntheticRegisterHealthIndicator(SyntheticRegisterService register) {
        this.register = register;
    }

    @Override
    public Health health() {
        var state = register.state();
        var health = state == SyntheticRegisterService.State.LOADED || state == SyntheticRegisterService.State.DISABLED
                ? Health.up()
                : Health.down();
        return health.withDetail("state", state.name())
                .withDetail("detail", register.detail())
                .build();
    }
}
